import { normalize, resolve } from 'node:path';
import {
  ConsoleLogger,
  createCompilerHost,
  formatDiagnostics,
  LogLevel,
  NodeJSFileSystem,
  performCompilation,
  readConfiguration,
} from '@angular/compiler-cli';
import { createEs2015LinkerPlugin } from '@angular/compiler-cli/linker/babel';
import { transformAsync } from '@babel/core';
import type { Plugin } from 'vite';

/**
 * Angular in plain Vite, without the Angular CLI: `ngc` (Angular's own compiler, from @angular/compiler-cli)
 * compiles the app ahead of time, with strict template type-checking, into memory; Vite serves that output in
 * place of each `.ts` file. Angular's npm packages ship partially compiled code, which Angular's linker (a Babel
 * plugin from the same package) finishes. No JIT compiler reaches the page, so nothing needs `unsafe-eval`.
 */
export function angularAot(tsconfig = 'tsconfig.json'): Plugin {
  const emitted = new Map<string, string>();
  const linker = createEs2015LinkerPlugin({
    linkerJitMode: false,
    fileSystem: new NodeJSFileSystem(),
    logger: new ConsoleLogger(LogLevel.warn),
  });

  /** Compiles the whole program; returns the errors as one message (empty when it compiled). */
  function compile(): string {
    const config = readConfiguration(resolve(tsconfig));
    if (config.errors.length) return formatDiagnostics(config.errors);
    const host = createCompilerHost({ options: config.options });
    emitted.clear();
    host.writeFile = (fileName, text, _bom, _onError, sources) => {
      const source = sources?.[0]?.fileName;
      if (source && fileName.endsWith('.js')) emitted.set(normalize(source), text);
    };
    const { diagnostics } = performCompilation({
      rootNames: config.rootNames,
      options: config.options,
      host,
    });
    const errors = diagnostics.filter((d) => d.category === 1);
    return errors.length ? formatDiagnostics(errors) : '';
  }

  return {
    name: 'angular-aot',
    enforce: 'pre',
    config: (_config, { command, mode }) => ({
      // Pre-bundled dependencies would skip the linker below.
      optimizeDeps: { exclude: ['@angular/core', '@angular/common', '@angular/platform-browser'] },
      // What the Angular CLI defines for a production build: no dev-mode checks, no JIT paths.
      define:
        command === 'build' && mode === 'production'
          ? { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' }
          : {},
    }),
    buildStart() {
      const errors = compile();
      if (errors) this.error(errors);
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (!/\.(ts|html)$/.test(file) || file.includes('node_modules')) return;
        const errors = compile();
        if (errors) server.config.logger.error(errors);
        else server.ws.send({ type: 'full-reload' });
      });
    },
    load(id) {
      const code = emitted.get(normalize(id.split('?')[0] ?? id));
      return code === undefined ? null : { code, map: null };
    },
    async transform(code, id) {
      if (!id.includes('/node_modules/') || !/\.m?js$/.test(id) || !code.includes('ɵɵngDeclare')) return null;
      const out = await transformAsync(code, {
        filename: id,
        babelrc: false,
        configFile: false,
        compact: false,
        sourceMaps: true,
        plugins: [linker],
      });
      return out?.code ? { code: out.code, map: out.map ?? null } : null;
    },
  };
}
