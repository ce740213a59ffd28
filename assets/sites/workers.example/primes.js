// A dedicated worker: counts primes by trial division in slices, reporting after each slice.
onmessage = (event) => {
  const limit = event.data.limit;
  let n = 2;
  let count = 0;
  let largest = 2;
  const isPrime = (k) => {
    for (let d = 2; d * d <= k; d++) if (k % d === 0) return false;
    return true;
  };
  const slice = () => {
    const until = Date.now() + 200;
    while (n <= limit && Date.now() < until) {
      if (isPrime(n)) {
        count++;
        largest = n;
      }
      n++;
    }
    postMessage({ count, largest, done: n > limit });
    if (n <= limit) setTimeout(slice, 0);
  };
  slice();
};
