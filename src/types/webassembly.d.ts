/**
 * The part of the WebAssembly JavaScript API that the EPUB's font subsetter uses. Node has it
 * as a global; TypeScript declares it with the DOM library only, which a Node program leaves out.
 */
declare namespace WebAssembly {
  class Module {
    private constructor();
  }
  class Memory {
    private constructor();
    readonly buffer: ArrayBuffer;
  }
  class Instance {
    private constructor();
    readonly exports: Record<string, unknown>;
  }
  function compile(bytes: Uint8Array): Promise<Module>;
  function instantiate(module: Module, imports: Record<string, unknown>): Promise<Instance>;
}
