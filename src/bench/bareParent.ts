// A parent with one bare child: prints the child's PID, then waits to be killed.
import { fork } from 'node:child_process';
import * as path from 'node:path';

const child = fork(path.join(__dirname, 'bareChild.js'), [], { stdio: 'ignore' });
child.once('message', () => process.stdout.write(`${child.pid}\n`));
setInterval(() => undefined, 1 << 30);
