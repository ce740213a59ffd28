// A dedicated worker: computes the Mandelbrot set row by row and posts each row's colours.
const palette = (n, max) => {
  if (n >= max) return '#000000';
  const t = Math.sqrt(n / max);
  const r = Math.round(9 * (1 - t) * t * t * t * 255);
  const g = Math.round(15 * (1 - t) * (1 - t) * t * t * 255);
  const b = Math.round(8.5 * (1 - t) * (1 - t) * (1 - t) * t * 255);
  const hex = (v) => Math.min(255, v).toString(16).padStart(2, '0');
  return '#' + hex(r) + hex(g) + hex(b);
};

onmessage = (event) => {
  const { rows, columns, iterations } = event.data;
  let row = 0;
  const next = () => {
    const colors = [];
    const y0 = -1.2 + (2.4 * row) / rows;
    for (let c = 0; c < columns; c++) {
      const x0 = -2.2 + (3.2 * c) / columns;
      // Oversampled 4×4 per cell: enough work per row that the thread is visibly busy.
      let total = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          let x = 0, y = 0, n = 0;
          const cx = x0 + (sx * 3.2) / columns / 4;
          const cy = y0 + (sy * 2.4) / rows / 4;
          while (x * x + y * y < 4 && n < iterations) {
            const t = x * x - y * y + cx;
            y = 2 * x * y + cy;
            x = t;
            n++;
          }
          total += n;
        }
      }
      colors.push(palette(total / 16, iterations));
    }
    postMessage({ row, colors, rows });
    row++;
    if (row < rows) setTimeout(next, 0);
  };
  next();
};
