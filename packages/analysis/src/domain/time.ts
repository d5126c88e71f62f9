/** UNIX seconds as a float, the timestamp format of every Oz API object. */
export function nowSeconds(clock: () => number = Date.now): number {
  return clock() / 1000;
}
