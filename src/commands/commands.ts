import { officeWorkbookHost } from "../addin/host";

/**
 * Ribbon functions (ExecuteFunction): 清除标记 straight from the ribbon, without opening the pane.
 * (一键校验 opens the pane with ?autorun=1, so its results are there to read.)
 */
async function clearMarks(event: Office.AddinCommands.Event) {
  try {
    await officeWorkbookHost().clearMarks();
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("clearMarks", clearMarks);
});
