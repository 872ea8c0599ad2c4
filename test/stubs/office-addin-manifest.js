// office-addin-mock requires office-addin-manifest, whose dependency strip-bom is ESM-only and breaks Jest's CommonJS
// loader. The mock only reads the OfficeApp enum from it.
module.exports = { OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } };
