/** Minimal declarations for parse-stage dependencies that ship no types. */
declare module 'markdown-it-container' {
  import type { PluginWithParams } from 'markdown-it';

  const markdownItContainer: PluginWithParams;
  export default markdownItContainer;
}
