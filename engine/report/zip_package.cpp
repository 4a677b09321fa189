#include "report/zip_package.h"

#include <zip.h>

#include <cstdio>
#include <memory>

#include "report/late_library.h"

namespace s75 {

namespace {

// The libzip functions used here, bound when the first package is built
// (report/late_library.h says why not at start-up).
// (clang-format never settles on a layout for this list.)
// clang-format off
#define S75_ZIP_FUNCTIONS(X) \
  X(zip_close) \
  X(zip_discard) \
  X(zip_error_fini) \
  X(zip_error_init) \
  X(zip_error_strerror) \
  X(zip_file_add) \
  X(zip_file_set_dostime) \
  X(zip_get_error) \
  X(zip_open_from_source) \
  X(zip_set_file_compression) \
  X(zip_source_buffer) \
  X(zip_source_buffer_create) \
  X(zip_source_close) \
  X(zip_source_error) \
  X(zip_source_free) \
  X(zip_source_keep) \
  X(zip_source_open) \
  X(zip_source_read) \
  X(zip_source_seek) \
  X(zip_source_tell)
// clang-format on

struct ZipFunctions {
  S75_ZIP_FUNCTIONS(S75_LATE_MEMBER)
};

std::string BindZip(const LateLibrary& library, ZipFunctions& functions) {
  S75_ZIP_FUNCTIONS(S75_LATE_BIND)
  return "";
}

const LateBound<ZipFunctions>& Bound() {
  static const LateBound<ZipFunctions> bound(
      S75_LIBZIP_SONAME, "the Word document is built with libzip (Debian package libzip4)",
      BindZip);
  return bound;
}

// The functions, once Bound() has no failure.
const ZipFunctions& Zip() { return Bound().functions(); }

// 1 January 1980 00:00 in MS-DOS form: the date (years since 1980 << 9 |
// month << 5 | day) and the time (0).
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

struct SourceFree {
  void operator()(zip_source_t* s) const { Zip().zip_source_free(s); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;

std::string Why(zip_error_t* error) {
  return std::string("cannot build the zip package: ") + Zip().zip_error_strerror(error);
}

// As Why, for an error of ours, which is then released.
std::string WhyOwned(zip_error_t* error) {
  std::string why = Why(error);
  Zip().zip_error_fini(error);
  return why;
}

// Adds the parts to the archive `za`; "" or why not.
std::string AddParts(zip_t* za, const std::vector<PackagePart>& parts) {
  for (const PackagePart& part : parts) {
    zip_source_t* data = Zip().zip_source_buffer(za, part.content.data(), part.content.size(), 0);
    zip_int64_t index =
        data == nullptr ? -1 : Zip().zip_file_add(za, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      Zip().zip_source_free(data);
      return Why(Zip().zip_get_error(za));
    }
    auto i = static_cast<zip_uint64_t>(index);
    if (Zip().zip_file_set_dostime(za, i, kDosTime, kDosDate, 0) < 0 ||
        Zip().zip_set_file_compression(za, i, ZIP_CM_DEFLATE, 9) < 0) {
      return Why(Zip().zip_get_error(za));
    }
  }
  return "";
}

// The bytes the buffer source `source` holds.
std::string ReadSource(zip_source_t* source, std::string& out) {
  if (Zip().zip_source_open(source) < 0) {
    return Why(Zip().zip_source_error(source));
  }
  zip_int64_t size = -1;
  if (Zip().zip_source_seek(source, 0, SEEK_END) == 0) {
    size = Zip().zip_source_tell(source);
  }
  if (size < 0 || Zip().zip_source_seek(source, 0, SEEK_SET) < 0) {
    Zip().zip_source_close(source);
    return Why(Zip().zip_source_error(source));
  }
  out.assign(static_cast<size_t>(size), '\0');
  zip_int64_t read = Zip().zip_source_read(source, out.data(), static_cast<zip_uint64_t>(size));
  Zip().zip_source_close(source);
  return read == size ? "" : Why(Zip().zip_source_error(source));
}

}  // namespace

std::string ZipPackage(const std::vector<PackagePart>& parts, std::string& out) {
  if (const std::string& why = Bound().failure(); !why.empty()) {
    return "cannot build the zip package: " + why;
  }
  zip_error_t error;
  Zip().zip_error_init(&error);
  Source source(Zip().zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!source) {
    return WhyOwned(&error);
  }
  zip_t* za = Zip().zip_open_from_source(source.get(), ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    return WhyOwned(&error);
  }
  Zip().zip_source_keep(source.get());  // the archive's close must not free it
  if (std::string failure = AddParts(za, parts); !failure.empty()) {
    Zip().zip_discard(za);
    return failure;
  }
  if (Zip().zip_close(za) < 0) {
    std::string failure = Why(Zip().zip_get_error(za));
    Zip().zip_discard(za);
    return failure;
  }
  Zip().zip_error_fini(&error);
  return ReadSource(source.get(), out);
}

}  // namespace s75
