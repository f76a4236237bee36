/**
 * The one place the city page opens and creates workbooks (loaded on first use, so the
 * page starts without the spreadsheet library): switching adapters is the import below.
 */
export async function adapter(): Promise<typeof import('../io/xlsx/index')> {
  return import(/* webpackChunkName: "xlsx" */ '../io/xlsx/index');
}
