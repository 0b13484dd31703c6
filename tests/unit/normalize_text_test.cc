// normalize_text, strip_list_marker, remove_layout_spaces and
// split_indicator_unit on strings from the seed documents.
#include <string>

#include <gtest/gtest.h>

#include "parsers/normalize/text.h"

namespace kpix {
namespace {

struct Case {
  const char* in;
  const char* want;
};

const Case kNormalize[] = {
    // Width folding.
    {"①１人あたりの総所得", "①1人あたりの総所得"},
    {"１，２３４", "1,234"},
    {"Ｒ４年度", "R4年度"},
    {"（計画終了時）", "(計画終了時)"},
    {"重要業績評価指標（KPI）", "重要業績評価指標(KPI)"},
    {"ｱﾌﾟﾘ利用者数", "アプリ利用者数"},
    {"－５", "-5"},
    {"５年間で　２５０件", "5年間で 250件"},
    // List markers are kept as they are.
    {"⑤UIJターン促進支援事業制度利用者数", "⑤UIJターン促進支援事業制度利用者数"},
    {"⑴ 生産性の向上", "⑴ 生産性の向上"},
    {"㈱オアリパ", "㈱オアリパ"},
    {"⑳", "⑳"},
    {"㉑", "㉑"},
    // Dashes, tildes and marks are never turned into ー or anything else.
    {"R2〜R4平均", "R2〜R4平均"},
    {"R2～R4平均", "R2～R4平均"},
    {"−5", "−5"},
    {"—", "—"},
    {"―", "―"},
    {"▲ 1,034", "▲ 1,034"},
    {"△1 037", "△1 037"},
    {"⇒", "⇒"},
    {"ー", "ー"},
    // Spaces and line breaks.
    {"  従業者1人あたりの\n製造品出荷額等 ", "従業者1人あたりの 製造品出荷額等"},
    {"a\t\tb", "a b"},
    {"", ""},
};

TEST(NormalizeText, Table) {
  for (const Case& c : kNormalize) EXPECT_EQ(normalize_text(c.in), c.want) << c.in;
}

TEST(NormalizeText, InvalidUtf8IsReplaced) {
  std::string bad = "a\xff" "b";
  EXPECT_EQ(normalize_text(bad), "a\xEF\xBF\xBD" "b");
}

const Case kMarkers[] = {
    {"①1人あたりの総所得", "1人あたりの総所得"},
    {"⑤UIJターン促進支援事業制度利用者数", "UIJターン促進支援事業制度利用者数"},
    {"(1) 人材育成・雇用対策", "人材育成・雇用対策"},
    {"（2）産業の競争力強化", "産業の競争力強化"},
    {"⑴ 生産性の向上", "生産性の向上"},
    {"1. 改訂の内容", "改訂の内容"},
    {"1.5%", "1.5%"},
    {"・ コロナ禍の影響", "コロナ禍の影響"},
    {"● 基本目標におけるKPIの達成状況", "基本目標におけるKPIの達成状況"},
    {"■ 農業DX推進事業", "農業DX推進事業"},
    {"- (1) これまでの開催経過", "(1) これまでの開催経過"},
    {"-5", "-5"},
    {"新規就農者数", "新規就農者数"},
    {"", ""},
};

TEST(StripListMarker, Table) {
  for (const Case& c : kMarkers) EXPECT_EQ(strip_list_marker(c.in), c.want) << c.in;
}

const Case kLayout[] = {
    {"(5年間 平均)", "(5年間平均)"},
    {"(継 続2件)", "(継続2件)"},
    {"従業者1人あたりの 製造品出荷額等", "従業者1人あたりの製造品出荷額等"},
    {"げんき発見ドック参加者数 (延人数)", "げんき発見ドック参加者数(延人数)"},
    {"岩見沢市と教育大学 岩見沢校の連携事業数", "岩見沢市と教育大学岩見沢校の連携事業数"},
    {"K P I", "K P I"},
    {"Society 5.0", "Society 5.0"},
    {"登録者数 24名", "登録者数 24名"},
    {"3件 (新規1件) (継続2件)", "3件(新規1件) (継続2件)"},
    {"ICT (GNSS等)", "ICT (GNSS等)"},
};

TEST(RemoveLayoutSpaces, Table) {
  for (const Case& c : kLayout) EXPECT_EQ(remove_layout_spaces(c.in), c.want) << c.in;
}

struct UnitCase {
  const char* in;
  const char* name;
  const char* unit;
};

const UnitCase kUnits[] = {
    {"内定者数(人)", "内定者数", "人"},
    {"貨物取扱量(外資)(千t)", "貨物取扱量(外資)", "千t"},
    {"新規雇用創出数（人）", "新規雇用創出数", "人"},
    {"合計特殊出生率（-）", "合計特殊出生率", ""},
    {"観光入込客数（万人）", "観光入込客数", "万人"},
    {"管内学生の管内事業所就職割合（%）", "管内学生の管内事業所就職割合", "%"},
    {"業務削減時間(年間)(時間)", "業務削減時間(年間)", "時間"},
    {"訪日外国人宿泊延べ人数(人泊)", "訪日外国人宿泊延べ人数", "人泊"},
    {"事業場設置助成金(千円)", "事業場設置助成金", "千円"},
    {"国内路線(路線)", "国内路線", "路線"},
    {"スケートリンク設置数(か所)", "スケートリンク設置数", "か所"},
    {"保育所型の利用児童数(延べ人数)(人)", "保育所型の利用児童数(延べ人数)", "人"},
    {"子育て環境や支援の満足度（5段階評価）", "子育て環境や支援の満足度（5段階評価）", ""},
    {"i-BOX利用者数（来場者数）", "i-BOX利用者数（来場者数）", ""},
    {"健康寿命（男性）", "健康寿命（男性）", ""},
    {"飛行型偵察・監視ロボット、導水ロボット導入数", "飛行型偵察・監視ロボット、導水ロボット導入数", ""},
    {"(人)", "(人)", ""},
};

TEST(SplitIndicatorUnit, Table) {
  for (const UnitCase& c : kUnits) {
    IndicatorName n = split_indicator_unit(c.in);
    EXPECT_EQ(n.name, c.name) << c.in;
    EXPECT_EQ(n.unit, c.unit) << c.in;
  }
}

}  // namespace
}  // namespace kpix
