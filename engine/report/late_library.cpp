#include "report/late_library.h"

#include <dlfcn.h>

namespace s75 {

std::string LateLibrary::Open() {
  if (handle_ != nullptr) {
    return "";
  }
  handle_ = dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* why = dlerror();
    return std::string(what_) + ", and " + soname_ + " cannot be opened (" +
           (why != nullptr ? why : "no reason given") + ")";
  }
  return "";
}

void* LateLibrary::Symbol(const char* name) const {
  return handle_ == nullptr ? nullptr : dlsym(handle_, name);
}

std::string LateLibrary::Missing(const char* name) const {
  return std::string(soname_) + " has no function " + name +
         " (it is not the version s75check was built with; rebuild s75check against it)";
}

}  // namespace s75
