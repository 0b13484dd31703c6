// What the dataset tests share: a scratch folder and one small document.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace kpix {

// A fresh, empty folder under the system's temporary one, named for the
// test suite (`prefix`), this process and the case.
inline std::filesystem::path fresh_temp_dir(const std::string& prefix, const std::string& name) {
  namespace fs = std::filesystem;
  fs::path d = fs::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// A converter-text document with one goal table (岩見沢's 基本目標2, seed 000 lines 245–249).
inline constexpr const char* kIwamizawaGoal2 =
    "岩見沢市総合戦略について\n"
    "基本目標2の評価指標（KPI）の実績\n"
    "重要業績評価指標（KPI）\t\t基準値\t2020実績\t2021実績\t2022実績\t2023\t2024\t目標値\n"
    "転出超過数を 2014年の2分の1に抑制\t①転出超過数\t▲312人\t▲341人\t▲349人\t▲389人\t－\t－\t▲275人\n"
    "人口の社会増減率の改善\t②人口の社会増減率\t▲0.38%\t▲0.42%\t▲0.44%\t▲0.50%\t－\t－\t▲0.36%\n";

}  // namespace kpix
