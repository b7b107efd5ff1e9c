/**
 * The part of the WebAssembly JavaScript API that banmian uses: the EPUB's font subsetter
 * (compiled and instantiated asynchronously) and the line breaker (synchronously, at the first
 * paragraph). Node has it as a global; TypeScript declares it with the DOM library only, which a
 * Node program leaves out.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    private constructor();
    readonly buffer: ArrayBuffer;
  }
  class Instance {
    constructor(module: Module, imports: Record<string, unknown>);
    readonly exports: Record<string, unknown>;
  }
  function compile(bytes: Uint8Array): Promise<Module>;
  function instantiate(module: Module, imports: Record<string, unknown>): Promise<Instance>;
}
