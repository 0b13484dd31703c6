// Indicator concepts: names from the seeds, the real PDFs and the national
// 地方創生 KPI lists to their concept and qualifiers; names each concept must
// not take; the shipped tables well formed. Tables of one's own, and bad
// ones, in concept_tables_test.cc.
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "parsers/concepts/concept_index.h"

namespace kpix {
namespace {

struct Case {
  const char* name;
  const char* want;  // ConceptMatch::dump(); "" when no concept may take the name
};

// Names as documents print them (full width, list markers, unit brackets and
// spaces included: the matcher normalizes them itself).
const Case kMatches[] = {
    // Population stocks.
    {"総人口", "population.total"},
    {"人口", "population.total"},
    {"年末人口", "population.total as_of:12-31"},
    {"年度末人口", "population.total as_of:3-31"},
    {"住民基本台帳人口", "population.total"},
    {"人口:男", "population.total male"},
    {"女性人口", "population.total female"},
    {"本市の人口の推移", "population.total"},
    {"人口増減数", "population.change"},
    {"人口減少数", "population.change decrease_named"},
    {"人口増減率", "population.change_rate"},
    {"世帯数", "population.households"},
    {"一般世帯数", "population.households"},
    {"年少人口", "population.young"},
    {"14歳以下人口", "population.young"},
    {"生産年齢人口", "population.working_age"},
    {"15～64歳人口", "population.working_age"},
    {"老年人口 (65歳以上)", "population.elderly age:65-"},
    {"高齢者数", "population.elderly"},
    {"高齢化率", "population.aging_rate"},
    {"高齢者人口の割合", "population.aging_rate"},
    // Natural change.
    {"出生数", "population.births"},
    {"出生", "population.births"},
    {"出生数の推移", "population.births"},
    {"死亡", "population.deaths"},
    {"死亡者数", "population.deaths"},
    {"自然増減", "population.natural_change"},
    {"自然増減数", "population.natural_change"},
    {"自然減", "population.natural_change decrease_named"},
    {"合計特殊出生率", "population.tfr"},
    {"①合計特殊出生率（単年）", "population.tfr single_year"},
    {"②合計特殊出生率（5年平均）", "population.tfr average:5y"},
    {"合計特殊出生率 (5か年平均)", "population.tfr average:5y"},
    {"出生率（合計特殊）", "population.tfr"},
    {"合計特殊出生率（-）", "population.tfr"},
    {"合計特殊出生率（平均）", "population.tfr average"},
    {"合計特殊出生率（自然動態）", "population.tfr"},
    {"婚姻件数", "population.marriages"},
    // Migration.
    {"転入", "migration.in"},
    {"転入者数", "migration.in"},
    {"転入者数(定住人口数)", "migration.in note:定住人口数"},
    {"転出", "migration.out"},
    {"転出者数", "migration.out"},
    {"社会増減", "migration.net"},
    {"社会増減数", "migration.net"},
    {"①転出超過数", "migration.net decrease_named"},
    {"社会減", "migration.net decrease_named"},
    {"転入超過数", "migration.net"},
    // Category rows of a statistic (records.md: `<quantity>:<category>`): the
    // quantity's concept, narrowed by the category; the total row narrows nothing.
    {"社会増減:14歳以下", "migration.net age:-14"},
    {"社会増減:15~19歳", "migration.net age:15-19"},
    {"社会増減：20～29歳", "migration.net age:20-29"},
    {"社会増減:65歳以上", "migration.net age:65-"},
    {"社会増減:差引増減", "migration.net"},
    {"社会増減:職権", "migration.net note:職権"},
    {"社会増減:男", "migration.net male"},
    {"社会増減(30歳代)", "migration.net age:30s"},
    {"社会増減:15歳未満", "migration.net age:<15"},
    {"社会動態における転入率", "migration.in_rate"},
    {"転入率", "migration.in_rate"},
    {"社会動態における転出率", "migration.out_rate"},
    {"人口の社会増減率", "migration.net_rate"},
    {"純移動率", "migration.net_rate"},
    {"純移動率（社会動態）", "migration.net_rate"},
    {"移住者数", "migration.settlers"},
    {"移住者", "migration.settlers"},
    {"移住・定住者数", "migration.settlers"},
    {"累計移住者数", "migration.settlers cumulative"},
    {"移住者数（累計）", "migration.settlers cumulative"},
    {"移住相談件数", "migration.consultations"},
    {"移住に関する相談件数", "migration.consultations"},
    // Employment and business.
    {"新規雇用創出数（人）", "employment.new_jobs"},
    {"新規雇用者数", "employment.new_jobs"},
    {"雇用創出数", "employment.new_jobs"},
    {"就業者数", "employment.workers"},
    {"女性の就業率", "employment.rate female"},
    {"男性の育児休業取得率", "employment.parental_leave_rate male"},
    {"新規創業件数", "business.startups"},
    {"創業件数", "business.startups"},
    {"起業者数", "business.startups"},
    {"新規企業進出件数（5年間累計）", "business.new_locations cumulative:5y"},
    {"企業誘致件数", "business.new_locations"},
    {"新規就農者数", "agriculture.new_farmers"},
    {"⑤新規就農者数（人）", "agriculture.new_farmers"},
    {"新規就農者数（5年間の合計）", "agriculture.new_farmers total:5y"},
    {"農業産出額", "agriculture.output"},
    {"製造品出荷額等", "manufacturing.shipments"},
    {"①１人あたりの総所得", "economy.income_per_capita"},
    {"1人当たり市町村民所得", "economy.income_per_capita"},
    {"従業者1人あたりの付加価値額", "economy.value_added_per_worker"},
    {"従業者1人あたりの\n製造品出荷額等", "economy.shipments_per_worker"},
    // Tourism.
    {"観光入込客数", "tourism.visitors"},
    {"観光入込客数（イベントを除く）", "tourism.visitors excluding_events"},
    {"観光入込客数（万人）", "tourism.visitors"},
    {"観光入込客数（道の駅を除く）", "tourism.visitors excluding:道の駅"},
    {"観光入込客数（見込）", "tourism.visitors estimate"},
    {"観光客入込数", "tourism.visitors"},
    {"年間観光入込客数", "tourism.visitors per_year"},
    {"市内観光入込客数", "tourism.visitors"},
    {"外国人観光客数", "tourism.visitors foreign"},
    {"観光入込客延べ数", "tourism.visitors gross"},
    {"訪日外国人宿泊客数", "tourism.overnight_guests foreign"},
    {"訪日外国人宿泊延べ人数", "tourism.overnight_guests foreign gross"},
    {"宿泊者数", "tourism.overnight_guests"},
    {"延べ宿泊者数", "tourism.overnight_guests gross"},
    {"宿泊客延数", "tourism.overnight_guests gross"},
    // Health.
    {"健康寿命（男性）", "health.healthy_life_expectancy male"},
    {"健康寿命(女性)", "health.healthy_life_expectancy female"},
    {"平均寿命(男性)", "health.life_expectancy male"},
    {"国保特定健診受診率", "health.specific_checkup_rate"},
    {"特定健康診査受診率", "health.specific_checkup_rate"},
    {"特定健診受診率（暫定値）", "health.specific_checkup_rate provisional"},
    {"特定健診受診率（確定値）", "health.specific_checkup_rate final"},
    {"特定保健指導実施率", "health.specific_guidance_rate"},
    {"がん検診受診率", "health.cancer_screening_rate"},
    // Child rearing and education.
    {"待機児童数", "childcare.waiting_children"},
    {"③待機児童数 (4月1日現在)", "childcare.waiting_children as_of:4-1"},
    {"保育所待機児童数", "childcare.waiting_children"},
    {"潜在待機児童数", "childcare.latent_waiting_children"},
    {"学童保育所待機児童数", "childcare.after_school_waiting_children"},
    {"放課後児童クラブの待機児童数", "childcare.after_school_waiting_children"},
    {"授業理解度", "education.class_understanding"},
    {"授業がわかると答えた児童生徒の割合", "education.class_understanding"},
    {"全国学力・学習状況調査の平均正答率", "education.academic_ability"},
    // Safety, administration, finance.
    {"②自主防災組織率", "disaster.voluntary_org_coverage"},
    {"自主防災組織活動カバー率", "disaster.voluntary_org_coverage"},
    {"自主防災組織数", "disaster.voluntary_orgs"},
    {"マイナンバーカード交付枚数率", "digital.my_number_card_rate"},
    {"マイナンバーカード交付率", "digital.my_number_card_rate"},
    {"ふるさと納税寄附額", "finance.furusato_donations"},
    {"ふるさと応援寄附金額", "finance.furusato_donations"},
    {"ふるさと納税寄附件数", "finance.furusato_donation_count"},
    // Residents' survey answers.
    {"「住み続けたい」の回答割合", "residents.intent_to_stay"},
    {"「これからも住み続けたい」と回答した市民の割合", "residents.intent_to_stay"},
    {"定住意向率", "residents.intent_to_stay"},
    {"「苫小牧市は住みやすい」と回答した人の割合", "residents.livability"},
    {"住みやすいと感じる市民の割合", "residents.livability"},
    // Names that narrow the quantity in a way no qualifier says (a program's
    // share, one site, one school's leavers) and names of no concept.
    {"増減数", ""},
    {"差引増減", ""},
    {"14歳以下", ""},
    {"出生率", ""},
    {"婚姻率", ""},
    {"創業塾受講後の創業人数", ""},
    {"施設新設等を行った企業の新規雇用者数", ""},
    {"お試し暮らし制度利用後の移住者", ""},
    {"卒業生の移住数", ""},
    {"卒業生の新規就業者数", ""},
    {"保健指導実施率", ""},
    {"i-BOX企画展参加者数(うち学生)", ""},
    {"ポータルサイト閲覧者数(魅力発信、こども・子育て)", ""},
    {"", ""},
    {"（単年）", ""},
};

TEST(Concepts, Matches) {
  for (const Case& c : kMatches) {
    auto m = match_concept(c.name);
    EXPECT_EQ(m ? m->dump() : "", c.want) << c.name;
  }
}

// No name of the table is claimed by two rows of concepts.tsv: match() would
// silently take the first.
TEST(Concepts, NoNameTakenByTwoConcepts) {
  for (const Case& c : kMatches) EXPECT_LE(ConceptIndex::builtin().trace(c.name).ids.size(), 1u) << c.name;
}

struct MustNot {
  const char* name;
  const char* not_id;
};

// Names close to a concept that it must not take (another concept may).
const MustNot kMustNot[] = {
    {"中心市街地人口", "population.total"},
    {"交流人口", "population.total"},
    {"全市人口に対する中心市街地人口の比率", "population.total"},
    {"増減数", "population.change"},
    {"人口増減率", "population.change"},
    {"人口増減数", "population.change_rate"},
    {"子どもが2人以上の世帯の割合", "population.households"},
    {"高齢者・障がい者の冬のくらし支援事業登録世帯数", "population.households"},
    {"14歳以下", "population.young"},
    {"生産年齢人口比率", "population.working_age"},
    {"65歳以上", "population.elderly"},
    {"高齢化率", "population.elderly"},
    {"老年人口(65歳以上)", "population.aging_rate"},
    {"合計特殊出生率", "population.births"},
    {"合計特殊出生率(単年)", "population.births"},
    {"出生率", "population.births"},
    {"死亡率", "population.deaths"},
    {"社会増減", "population.natural_change"},
    {"出生数", "population.tfr"},
    {"出生率", "population.tfr"},
    {"婚姻率", "population.marriages"},
    {"とましん結婚相談所登録者の結婚数", "population.marriages"},
    {"転入率", "migration.in"},
    {"転入超過数", "migration.in"},
    {"転出超過数", "migration.out"},
    {"転出率", "migration.out"},
    {"転出者数", "migration.net"},
    {"転入者数", "migration.net"},
    {"差引増減", "migration.net"},
    {"人口の社会増減率", "migration.net"},
    {"転入者数", "migration.in_rate"},
    {"転出者数", "migration.out_rate"},
    {"社会増減数", "migration.net_rate"},
    {"お試し暮らし制度利用後の移住者", "migration.settlers"},
    {"卒業生の移住数", "migration.settlers"},
    {"短期移住体験者数", "migration.settlers"},
    {"移住相談件数", "migration.settlers"},
    {"移住者数", "migration.consultations"},
    {"施設新設等を行った企業の新規雇用者数", "employment.new_jobs"},
    {"新規就農者数", "employment.new_jobs"},
    {"バイオガスプラント事業関連就業者数", "employment.workers"},
    {"卒業生の新規就業者数", "employment.workers"},
    {"就業者数", "employment.rate"},
    {"育児休業取得者数", "employment.parental_leave_rate"},
    {"創業塾受講後の創業人数", "business.startups"},
    {"創業支援事業に基づく新規創業件数及び事業承継件数", "business.startups"},
    {"新規創業セミナー参加者数", "business.startups"},
    {"サービス関連企業進出・創業数", "business.new_locations"},
    {"処遇改善企業数", "business.new_locations"},
    {"農業後継者数", "agriculture.new_farmers"},
    {"新規就業者数", "agriculture.new_farmers"},
    {"新規作物及び新規販路開拓による既存作物の販売額", "agriculture.output"},
    {"従業者1人あたりの製造品出荷額等", "manufacturing.shipments"},
    {"従業者1人あたりの付加価値額", "economy.income_per_capita"},
    {"付加価値額", "economy.value_added_per_worker"},
    {"製造品出荷額等", "economy.shipments_per_worker"},
    {"砂川観光協会ホームページアクセス数", "tourism.visitors"},
    {"訪日外国人宿泊客数", "tourism.visitors"},
    {"来場者数", "tourism.visitors"},
    {"観光入込客数", "tourism.overnight_guests"},
    {"スポーツ合宿宿泊数", "tourism.overnight_guests"},
    {"平均寿命", "health.healthy_life_expectancy"},
    {"健康寿命", "health.life_expectancy"},
    {"産婦健康診査受診率", "health.specific_checkup_rate"},
    {"特定保健指導実施率", "health.specific_checkup_rate"},
    // 砂川's 保健指導実施率 belongs to a young adults' screening program.
    {"保健指導実施率", "health.specific_guidance_rate"},
    {"胃がん検診受診率", "health.cancer_screening_rate"},
    {"特定健診受診率", "health.cancer_screening_rate"},
    {"潜在待機児童数", "childcare.waiting_children"},
    {"学童保育所待機児童数", "childcare.waiting_children"},
    {"待機児童数", "childcare.latent_waiting_children"},
    {"待機児童数", "childcare.after_school_waiting_children"},
    {"英語検定合格率", "education.class_understanding"},
    {"授業理解度", "education.academic_ability"},
    {"自主防災組織数", "disaster.voluntary_org_coverage"},
    {"自主防災組織率", "disaster.voluntary_orgs"},
    {"マイナンバーカード交付枚数", "digital.my_number_card_rate"},
    {"ふるさと応援寄附者の情報メール新規登録件数", "finance.furusato_donations"},
    {"ふるさと納税寄附件数", "finance.furusato_donations"},
    {"ふるさと応援寄附者の情報メール新規登録件数", "finance.furusato_donation_count"},
    {"「住み続けたい」と思わない人の割合", "residents.intent_to_stay"},
    {"不安や負担を「感じない」の回答割合", "residents.intent_to_stay"},
    {"「住みにくい」と回答した人の割合", "residents.livability"},
    {"「住みやすいとは思わない」と回答した人の割合", "residents.livability"},
};

TEST(Concepts, MustNotMatch) {
  for (const MustNot& c : kMustNot) {
    auto m = match_concept(c.name);
    EXPECT_TRUE(!m || m->id != c.not_id) << c.name << " taken by " << c.not_id;
  }
}

// The shipped concepts.tsv read as a file, independently of the parser: one
// header, five columns a row, ids unique, patterns that compile, and every
// concept covered by a name it must take and one it must not.
TEST(Concepts, ShippedTableIsWellFormed) {
  std::set<std::string> ids;
  std::string_view tsv = builtin_concepts_tsv();
  bool header = false;
  int rows = 0;
  for (size_t start = 0; start < tsv.size();) {
    size_t nl = tsv.find('\n', start);
    std::string line(tsv.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    start = nl == std::string_view::npos ? tsv.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      EXPECT_EQ(line, "id\tlabel\tunit\tmatch\texclude");
      header = true;
      continue;
    }
    std::vector<std::string> f;
    for (size_t a = 0;;) {
      size_t t = line.find('\t', a);
      f.push_back(line.substr(a, t == std::string::npos ? std::string::npos : t - a));
      if (t == std::string::npos) break;
      a = t + 1;
    }
    ASSERT_EQ(f.size(), 5u) << line;
    ++rows;
    EXPECT_TRUE(ids.insert(f[0]).second) << "repeated id " << f[0];
    EXPECT_TRUE(RE2::FullMatch(f[0], "[a-z]+(\\.[a-z_]+)+")) << f[0];
    EXPECT_FALSE(f[1].empty()) << f[0];
    EXPECT_TRUE(RE2(f[3], RE2::Quiet).ok()) << f[0] << ": " << f[3];
    if (f[4] != "-") {
      EXPECT_TRUE(RE2(f[4], RE2::Quiet).ok()) << f[0] << ": " << f[4];
    }
  }
  EXPECT_GE(rows, 25);

  std::set<std::string> positive, negative;
  for (const Case& c : kMatches)
    if (*c.want) positive.insert(std::string(c.want).substr(0, std::string(c.want).find(' ')));
  for (const MustNot& c : kMustNot) negative.insert(c.not_id);
  for (const std::string& id : ids) {
    EXPECT_TRUE(positive.count(id)) << id << " has no name in kMatches";
    EXPECT_TRUE(negative.count(id)) << id << " has no name in kMustNot";
  }
  for (const std::string& id : positive) EXPECT_TRUE(ids.count(id)) << "kMatches names unknown " << id;
  for (const std::string& id : negative) EXPECT_TRUE(ids.count(id)) << "kMustNot names unknown " << id;
}

// Each concept's label is itself one of its names, so the label can be shown
// beside any name the concept took.
TEST(Concepts, EveryLabelMatchesItsConcept) {
  const ConceptIndex& idx = ConceptIndex::builtin();
  ASSERT_FALSE(idx.concepts().empty());
  for (const ConceptRow& c : idx.concepts()) {
    auto m = idx.match(c.label);
    EXPECT_EQ(m ? m->dump() : "", c.id) << c.label;
  }
}

// Every row of qualifiers.tsv fires on some name of kMatches: a row no name
// reaches is untested (or shadowed by a row above it).
TEST(Concepts, EveryQualifierRowIsExercised) {
  auto rules = parse_qualifier_rules(builtin_qualifiers_tsv());
  std::set<int> fired;
  for (const Case& c : kMatches)
    for (int line : ConceptIndex::builtin().trace(c.name).qualifier_lines) fired.insert(line);
  for (const QualifierRule& q : rules)
    EXPECT_TRUE(fired.count(q.line)) << "qualifiers.tsv:" << q.line << " (" << q.code << ") fires on no name";
}

}  // namespace
}  // namespace kpix
