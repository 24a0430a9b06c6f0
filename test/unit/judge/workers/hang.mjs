// A judge worker that starts and then never answers: the pool's watchdog must end it.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {});
parentPort.postMessage({ type: 'ready' });
