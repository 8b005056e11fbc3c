/**
 * Errors raised by emulated services. Inside the script they surface like Google's: an Error with
 * `name === 'Exception'`, so `String(e)` reads "Exception: <message>".
 */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export const MSG = {
  rowsMismatch: (data: number, range: number): string =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number): string =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  colsAtLeastOne: 'The number of columns in the range must be at least 1.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColTooSmall: 'The starting column of the range is too small.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  cellLimit:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  sheetExists: (name: string): string =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  argTooLarge: (what: string): string => `Argument too large: ${what}`,
  invalidArgument: (what: string): string => `Invalid argument: ${what}`,
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  /** guides/services/quotas#troubleshooting: the 6-minute (or 30-second) execution limit. */
  maxExecutionTime: 'Exceeded maximum execution time',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  addOnTriggerFrequency: 'Add-ons may only create time-based triggers that run at most once per hour.',
  addOnTriggerDuplicate:
    'This add-on already has a time-based trigger for this document and user. Delete it before creating another.',
  signature: (types: string, method: string): string =>
    `The parameters (${types}) don't match the method signature for ${method}.`,
  uiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  functionNotFound: (name: string): string => `Script function not found: ${name}`,
  driveNoItem:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
};

/** Java-like type names for the "parameters don't match" message. */
export function describeTypes(args: unknown[]): string {
  return args
    .map((a) => {
      if (a === null || a === undefined) return 'null';
      if (Array.isArray(a)) {
        return Array.isArray(a[0])
          ? 'Object[][]'
          : `${a.length && typeof a[0] === 'string' ? 'String' : 'Object'}[]`;
      }
      if (typeof a === 'string') return 'String';
      if (typeof a === 'number') return 'number';
      if (typeof a === 'boolean') return 'Boolean';
      return 'Object';
    })
    .join(',');
}
