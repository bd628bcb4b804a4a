export { colorEnabled, Output, type OutputOptions, type OutputStream, type TextFormat } from './output.js';
export { pyCsvRow, pyJsonObject, pyJsonString, pyLen, pyStr } from './py-format.js';
export { isTableStyle, renderTable, TABLE_STYLES, type Table, type TableStyle } from './render-table.js';
