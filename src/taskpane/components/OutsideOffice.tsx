import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { STRINGS } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/** Shown when the page is opened outside Excel (Office.js missing or another host): never a blank page. */
export function OutsideOffice(props: { notExcel?: boolean }) {
  const s = useStyles();
  return (
    <div className={s.root} role="main" data-testid="outside-office">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>请在 Excel 中打开 · Open this in Excel</MessageBarTitle>
          <p>{STRINGS.zh.outsideBody}</p>
          <p lang="en">{STRINGS.zh.outsideBodyEn}</p>
          {props.notExcel ? <Text>{STRINGS.zh.notExcel} {STRINGS.en.notExcel}</Text> : null}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
