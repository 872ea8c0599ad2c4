import { parentPort, workerData } from "worker_threads";
import { FileTask, processFile } from "./process";

/** A pool worker: checks the files it is sent, one at a time. */
const task = (workerData as { task: FileTask }).task;
parentPort!.on("message", (msg: { file: string }) => {
  void processFile(msg.file, task).then((outcome) => parentPort!.postMessage(outcome));
});
