// Puts a file's functions on the addon's exports object. Every native file registers its
// functions this one way: a name and a callback per line, not a descriptor table of its own.
#pragma once

#include <node_api.h>

#include <initializer_list>
#include <vector>

namespace minium {

struct ExportedFunction {
  const char* name;
  napi_callback callback;
};

inline void DefineFunctions(napi_env env, napi_value exports, std::initializer_list<ExportedFunction> functions) {
  std::vector<napi_property_descriptor> props;
  for (const ExportedFunction& f : functions)
    props.push_back({f.name, nullptr, f.callback, nullptr, nullptr, nullptr, napi_default, nullptr});
  napi_define_properties(env, exports, props.size(), props.data());
}

}  // namespace minium
