interface ImportMetaEnv {
  readonly VITE_OZ_ADAPTER_URL?: string;
}
