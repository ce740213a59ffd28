// The smallest Node child: says hello and waits. The baseline for what launching a process costs.
process.send?.('ready');
setInterval(() => undefined, 1 << 30);
