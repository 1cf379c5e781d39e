/** The single-iteration step of graphology-layout-forceatlas2, which ships without types. */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(
    options: Record<string, number | boolean>,
    nodes: Float32Array,
    edges: Float32Array,
  ): void
}
