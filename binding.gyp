{
  "targets": [
    {
      "target_name": "minium_native",
      "sources": ["src/native/minium_native.cc", "src/native/ring.cc", "src/native/lab_native.cc", "src/native/mq_native.cc", "src/native/anonymous_memory.cc", "src/native/sandbox.cc", "src/native/affinity.cc", "src/native/process_memory.cc", "src/native/memory_pressure.cc", "src/native/listen_sockets.cc"],
      "cflags_cc": ["-std=c++17", "-O2"],
      "conditions": [["OS=='linux'", {"libraries": ["-lrt"]}]]
    }
  ]
}
