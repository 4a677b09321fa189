#include "report/zip_package.h"

#include <zip.h>

#include <cstdio>
#include <memory>

namespace s75 {

namespace {

// 1 January 1980 00:00 in MS-DOS form: the date (years since 1980 << 9 |
// month << 5 | day) and the time (0).
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;

std::string Why(zip_error_t* error) {
  return std::string("cannot build the zip package: ") + zip_error_strerror(error);
}

// As Why, for an error of ours, which is then released.
std::string WhyOwned(zip_error_t* error) {
  std::string why = Why(error);
  zip_error_fini(error);
  return why;
}

// Adds the parts to the archive `za`; "" or why not.
std::string AddParts(zip_t* za, const std::vector<PackagePart>& parts) {
  for (const PackagePart& part : parts) {
    zip_source_t* data = zip_source_buffer(za, part.content.data(), part.content.size(), 0);
    zip_int64_t index =
        data == nullptr ? -1 : zip_file_add(za, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      return Why(zip_get_error(za));
    }
    auto i = static_cast<zip_uint64_t>(index);
    if (zip_file_set_dostime(za, i, kDosTime, kDosDate, 0) < 0 ||
        zip_set_file_compression(za, i, ZIP_CM_DEFLATE, 9) < 0) {
      return Why(zip_get_error(za));
    }
  }
  return "";
}

// The bytes the buffer source `source` holds.
std::string ReadSource(zip_source_t* source, std::string& out) {
  if (zip_source_open(source) < 0) {
    return Why(zip_source_error(source));
  }
  zip_int64_t size = -1;
  if (zip_source_seek(source, 0, SEEK_END) == 0) {
    size = zip_source_tell(source);
  }
  if (size < 0 || zip_source_seek(source, 0, SEEK_SET) < 0) {
    zip_source_close(source);
    return Why(zip_source_error(source));
  }
  out.assign(static_cast<size_t>(size), '\0');
  zip_int64_t read = zip_source_read(source, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(source);
  return read == size ? "" : Why(zip_source_error(source));
}

}  // namespace

std::string ZipPackage(const std::vector<PackagePart>& parts, std::string& out) {
  zip_error_t error;
  zip_error_init(&error);
  Source source(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!source) {
    return WhyOwned(&error);
  }
  zip_t* za = zip_open_from_source(source.get(), ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    return WhyOwned(&error);
  }
  zip_source_keep(source.get());  // the archive's close must not free it
  if (std::string failure = AddParts(za, parts); !failure.empty()) {
    zip_discard(za);
    return failure;
  }
  if (zip_close(za) < 0) {
    std::string failure = Why(zip_get_error(za));
    zip_discard(za);
    return failure;
  }
  zip_error_fini(&error);
  return ReadSource(source.get(), out);
}

}  // namespace s75
