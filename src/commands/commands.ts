import { officeWorkbookHost } from "../addin/host";

/**
 * Ribbon functions (ExecuteFunction): 清除标记 straight from the ribbon, without opening the pane.
 * (一键校验 and 校验窗格 open the one pane, taskpane.html?autorun=1; this runtime is separate from the pane's, so the host
 * refreshes the document settings before every change: see src/excel/store.ts.)
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
