/** Your adapter's URL: `?adapter=` on the page, else VITE_OZ_ADAPTER_URL at build time, else a local one. */
export const ADAPTER_URL =
  new URLSearchParams(location.search).get('adapter') ??
  import.meta.env.VITE_OZ_ADAPTER_URL ??
  'http://localhost:8080/';
