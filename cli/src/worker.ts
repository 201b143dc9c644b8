/**
 * The worker thread of a batch run (`outturn check FILE... | DIR`): built as dist/worker.js
 * beside the bin, started by batch.ts with the run's settings as `workerData`; it checks each
 * job it is sent and posts the outcome back.
 *
 * @internal
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchJob, type BatchSettings, runJob } from './batch-job.js';

const settings = workerData as BatchSettings;
const port = parentPort;
if (port !== null) {
  port.on('message', (job: BatchJob) => {
    void runJob(job, settings).then((outcome) => {
      port.postMessage({ id: job.id, outcome });
    });
  });
}
