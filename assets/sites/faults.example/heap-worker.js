// Fills this worker thread's JS heap until V8 ends the thread (ERR_WORKER_OUT_OF_MEMORY).
onmessage = () => {
  const hoard = [];
  for (;;) hoard.push(new Array(1 << 20).fill(hoard.length));
};
