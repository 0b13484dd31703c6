// Bad input: one line `kpix: FILE: reason` on stderr, exit 1, and the other
// inputs of the same run still processed. Runs the kpix binary.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "tests/samples/sample_paths.h"

namespace kpix {
namespace {

namespace fs = std::filesystem;

struct KpixRun {
  int status = -1;
  std::string out, err;
};

KpixRun run_kpix(const std::string& args) {
  fs::path dir = fs::temp_directory_path() / ("kpix-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string out = (dir / "out").string(), err = (dir / "err").string();
  std::string cmd = std::string(KPIX_BINARY) + " " + args + " >" + out + " 2>" + err;
  KpixRun r;
  int raw = std::system(cmd.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// A minimal PDF from object bodies, with a correct xref table.
std::string make_pdf(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string write_temp(const std::string& name, const std::string& bytes) {
  fs::path p = fs::temp_directory_path() / ("kpix-bad-" + std::to_string(::getpid())) / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

std::string stream_object(const std::string& dict, const std::string& data) {
  return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(testing::samples_dir() + "/pdf/003-ashibetsu-chromium.pdf")) GTEST_SKIP() << "samples/pdf missing";
    good_ = testing::samples_dir() + "/pdf/003-ashibetsu-chromium.pdf";
  }
  // The bad file fails with `reason`, and the good file given after it is still extracted.
  void expect_fails(const std::string& file, const std::string& reason) {
    KpixRun r = run_kpix("extract '" + file + "' '" + good_ + "'");
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("kpix: " + file + ": " + reason), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("\"file\":\"003-ashibetsu-chromium.pdf\""), std::string::npos) << "good input not processed";
    EXPECT_EQ(r.err.find("poppler"), std::string::npos) << "Poppler's own messages leaked: " << r.err;
  }
  std::string good_;
};

TEST_F(BadInput, MissingFile) { expect_fails("/nonexistent/kpix/report.pdf", "cannot open: No such file or directory"); }

TEST_F(BadInput, EmptyFile) { expect_fails(write_temp("empty.pdf", ""), "empty file"); }

TEST_F(BadInput, Directory) { expect_fails(fs::temp_directory_path().string(), "is a directory, not a file"); }

TEST_F(BadInput, RandomBytes) {
  std::mt19937 rng(7);
  std::string junk(4096, '\0');
  for (char& c : junk) c = char(rng() & 0xFF);
  expect_fails(write_temp("junk.pdf", junk), "not a PDF (no %PDF header)");
}

TEST_F(BadInput, TruncatedPdf) {
  std::ifstream in(good_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  expect_fails(write_temp("truncated.pdf", bytes.substr(0, 2000)), "");
}

TEST_F(BadInput, PdfWithoutPages) {
  std::string pdf = make_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"});
  expect_fails(write_temp("nopages.pdf", pdf), "PDF has no pages");
}

TEST_F(BadInput, PasswordProtectedPdf) {
  expect_fails(testing::source_dir() + "/tests/data/bad/encrypted.pdf", "encrypted PDF: a password is needed to read it");
}

TEST_F(BadInput, ImageOnlyPdf) {
  std::string pixels(16, '\x80');
  std::string content = "q 100 0 0 100 10 10 cm /Im1 Do Q";
  std::string pdf = make_pdf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
      stream_object("", content),
      stream_object("/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8", pixels),
  });
  expect_fails(write_temp("scan.pdf", pdf), "no text layer (scanned images only); OCR is not supported");
}

TEST_F(BadInput, OutputIsWholeOrAbsent) {
  std::string out = (fs::temp_directory_path() / ("kpix-bad-" + std::to_string(::getpid())) / "records.jsonl").string();
  fs::remove(out);
  KpixRun r = run_kpix("extract -o '" + out + "' /nonexistent.pdf '" + good_ + "'");
  EXPECT_EQ(r.status, 1);
  ASSERT_TRUE(fs::exists(out));
  std::ifstream in(out);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) ++lines;
  EXPECT_GT(lines, 0);
  for (const auto& e : fs::directory_iterator(fs::path(out).parent_path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << "temporary file left: " << e.path();
}

}  // namespace
}  // namespace kpix
