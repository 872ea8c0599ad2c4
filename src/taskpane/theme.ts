import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** The Fluent theme that matches Office's theme: dark when Office's background is dark. */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | null | undefined): Theme {
  const bg = officeTheme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return webLightTheme;
  const hex = bg.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? webDarkTheme : webLightTheme;
}
