// The smallest Node child: says hello, waits, and ends when its parent's channel closes.
// The baseline for what launching a process and outliving a parent cost.
process.send?.('ready');
process.on('disconnect', () => process.exit(0));
setInterval(() => undefined, 1 << 30);
