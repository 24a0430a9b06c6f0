// A judge worker that dies on its first job: the pool must answer and replace it.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ type: 'ready' });
