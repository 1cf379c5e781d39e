import type Graph from 'graphology'
import { useEffect, useRef, useState } from 'react'
import Sigma from 'sigma'
import { TIER_RADIUS } from './placement'

/** What each node carries for drawing; x/y are the drawn (ring or free) positions. */
export interface DrawnNode {
  x: number
  y: number
  size: number
  color: string
  label: string
  kind: string
  zIndex?: number
}
export interface DrawnEdge {
  color: string
  size: number
}
export type DrawnGraph = Graph<DrawnNode, DrawnEdge>

export interface Highlight {
  visible: ReadonlySet<string>
  colours: ReadonlyMap<string, string>
  selected: string | null
  /** Nodes of a "how do I reach them" path, in order. */
  path: readonly string[]
}

const DIM_NODE = '#dee2e6'
const DIM_EDGE = '#f1f3f5'
const PATH_COLOUR = '#f03e3e'
const LABEL_FONT =
  'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas')
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'))
  } catch {
    return false
  }
}

/**
 * The map drawn by sigma (WebGL). Highlighting is done in reducers, so hovering or filtering
 * re-renders without touching the graph; `revision` says when positions or colours changed.
 */
export function MapCanvas(props: {
  graph: DrawnGraph
  revision: number
  highlight: Highlight
  rings: boolean
  focus: { key: string; at: number } | null
  onSelect: (key: string | null) => void
  label: string
}) {
  const container = useRef<HTMLDivElement>(null)
  const ringsLayer = useRef<SVGSVGElement>(null)
  const sigmaRef = useRef<Sigma<DrawnNode, DrawnEdge> | null>(null)
  const state = useRef({ hovered: null as string | null, ...props.highlight, rings: props.rings })
  const onSelect = useRef(props.onSelect)
  const revision = useRef(props.revision)
  const [drawn, setDrawn] = useState(0)

  useEffect(() => {
    onSelect.current = props.onSelect
  })

  useEffect(() => {
    if (!container.current) return
    const sigma = new Sigma<DrawnNode, DrawnEdge>(props.graph, container.current, {
      labelFont: LABEL_FONT,
      labelSize: 13,
      labelWeight: '500',
      labelRenderedSizeThreshold: 9,
      defaultEdgeColor: '#ced4da',
      zIndex: true,
      hideEdgesOnMove: props.graph.size > 5000,
      stagePadding: 40,
      nodeReducer: (node, data) => {
        const s = state.current
        if (!s.visible.has(node)) return { ...data, hidden: true }
        const out: Partial<DrawnNode> & { highlighted?: boolean; forceLabel?: boolean } = {
          ...data,
          color: s.colours.get(node) ?? data.color,
          // On a small map, events and communities are landmarks: always name them.
          forceLabel: data.kind !== 'contact' && props.graph.order < 300,
        }
        if (s.path.length > 0) {
          if (s.path.includes(node)) {
            out.forceLabel = true
            out.zIndex = 3
          } else {
            out.color = DIM_NODE
            out.label = ''
          }
        }
        const focus = s.hovered ?? s.selected
        if (focus && s.path.length === 0) {
          if (node === focus) {
            out.highlighted = true
            out.forceLabel = true
            out.zIndex = 3
          } else if (props.graph.areNeighbors(node, focus)) {
            out.forceLabel = true
            out.zIndex = 2
          } else {
            out.color = DIM_NODE
            out.label = ''
            out.zIndex = 0
          }
        }
        return out
      },
      edgeReducer: (edge, data) => {
        const s = state.current
        const [a, b] = props.graph.extremities(edge)
        if (!s.visible.has(a) || !s.visible.has(b)) return { ...data, hidden: true }
        if (s.path.length > 0) {
          const i = s.path.indexOf(a)
          const j = s.path.indexOf(b)
          const onPath = i >= 0 && j >= 0 && Math.abs(i - j) === 1
          return onPath
            ? { ...data, color: PATH_COLOUR, size: 3, zIndex: 2 }
            : { ...data, color: DIM_EDGE }
        }
        const focus = s.hovered ?? s.selected
        if (focus) {
          return a === focus || b === focus
            ? { ...data, color: '#495057', size: Math.max(data.size, 1.5) }
            : { ...data, hidden: true }
        }
        return data
      },
    })
    sigmaRef.current = sigma
    sigma.on('enterNode', ({ node }) => {
      state.current.hovered = node
      sigma.refresh({ skipIndexation: true })
    })
    sigma.on('leaveNode', () => {
      state.current.hovered = null
      sigma.refresh({ skipIndexation: true })
    })
    sigma.on('clickNode', ({ node }) => onSelect.current(node))
    sigma.on('clickStage', () => onSelect.current(null))
    const drawRings = () => {
      const svg = ringsLayer.current
      if (!svg) return
      if (!state.current.rings || !props.graph.hasNode('me')) {
        svg.innerHTML = ''
        return
      }
      const centre = sigma.graphToViewport({ x: 0, y: 0 })
      const parts: string[] = []
      for (const r of Object.values(TIER_RADIUS)) {
        const edge = sigma.graphToViewport({ x: r, y: 0 })
        const radius = Math.hypot(edge.x - centre.x, edge.y - centre.y)
        parts.push(
          `<circle cx="${centre.x}" cy="${centre.y}" r="${radius}" fill="none" stroke="#e9ecef" stroke-width="1.5" stroke-dasharray="4 4" />`,
        )
      }
      svg.innerHTML = parts.join('')
    }
    sigma.on('afterRender', drawRings)
    // For the benchmark and tests: the first frame drawn with real positions.
    sigma.on('afterRender', () => {
      if (revision.current > 0) container.current?.parentElement?.setAttribute('data-drawn', 'true')
    })
    return () => {
      sigma.kill()
      sigmaRef.current = null
    }
  }, [props.graph])

  useEffect(() => {
    state.current = { ...state.current, ...props.highlight, rings: props.rings }
    revision.current = props.revision
    const sigma = sigmaRef.current
    if (!sigma) return
    sigma.refresh()
    let n = 0
    for (const key of props.highlight.visible) if (props.graph.hasNode(key)) n++
    setDrawn(n)
  }, [props.highlight, props.revision, props.rings, props.graph])

  useEffect(() => {
    const sigma = sigmaRef.current
    if (!sigma || !props.focus) return
    const data = sigma.getNodeDisplayData(props.focus.key)
    if (!data) return
    void sigma.getCamera().animate({ x: data.x, y: data.y, ratio: 0.45 }, { duration: 400 })
  }, [props.focus])

  return (
    <div
      style={{ position: 'relative', width: '100%', height: '100%' }}
      data-testid="map-canvas"
      data-node-count={drawn}
      data-focused={props.focus?.key ?? ''}
      role="img"
      aria-label={props.label}
    >
      <svg
        ref={ringsLayer}
        aria-hidden
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }}
      />
      <div ref={container} style={{ position: 'absolute', inset: 0 }} />
    </div>
  )
}
