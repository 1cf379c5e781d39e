import type Graph from 'graphology'
import { useEffect, useMemo, useRef } from 'react'
import Sigma from 'sigma'
import {
  byRank,
  FEW_SHOWN,
  labelBudget,
  labelLeft,
  placeLabels,
  shortLabel,
  zoomStep,
  type LabelCandidate,
  type PlacedLabel,
} from './mapLabels'
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
const LABEL_SIZE = 13
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

/** Above this many nodes, hovering only names the node instead of dimming the rest. */
const LARGE = 2000
/** Above this many links, links are drawn only around the focused person. */
export const MAX_DRAWN_LINKS = 20_000

/** The hovered node: its whole label on a white box, on the side that fits. */
function drawHover(
  context: CanvasRenderingContext2D,
  data: { x: number; y: number; size: number; label?: string | null },
  settings: { labelSize: number; labelFont: string; labelWeight: string },
) {
  context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`
  const pad = 3
  context.fillStyle = '#fff'
  context.shadowBlur = 8
  context.shadowColor = '#000'
  context.beginPath()
  context.arc(data.x, data.y, data.size + pad, 0, Math.PI * 2)
  context.fill()
  if (data.label) {
    const width = context.measureText(data.label).width
    const left = labelLeft(data.x, data.size, width, context.canvas.clientWidth) ?? data.x
    const h = settings.labelSize + 2 * pad
    context.fillRect(left - pad, data.y - h / 2, width + 2 * pad, h)
    context.shadowBlur = 0
    context.fillStyle = '#212529'
    context.fillText(data.label, left, data.y + settings.labelSize / 3)
  }
  context.shadowBlur = 0
}

/**
 * The map drawn by sigma (WebGL). Highlighting is done in reducers, so hovering or filtering
 * re-renders without touching the graph; new positions come through the graph's own events.
 * Only the most important people carry a label at each zoom (`ranks`, see mapLabels.ts); the
 * rest are named on hover.
 */
export function MapCanvas(props: {
  graph: DrawnGraph
  highlight: Highlight
  /** Importance rank per node, 0 for the most important. */
  ranks: ReadonlyMap<string, number>
  rings: boolean
  /**
   * On a crowded map the graph holds no links: these are a node's links, added while it is the
   * focus (or on a "how do I reach them" path) and removed after.
   */
  linksOf?: (key: string) => [string, string, DrawnEdge][]
  focus: { key: string; at: number } | null
  onSelect: (key: string | null) => void
  label: string
}) {
  const container = useRef<HTMLDivElement>(null)
  const ringsLayer = useRef<SVGSVGElement>(null)
  const sigmaRef = useRef<Sigma<DrawnNode, DrawnEdge> | null>(null)
  const state = useRef({
    hovered: null as string | null,
    ...props.highlight,
    rings: props.rings,
    ranks: props.ranks,
    /** Node keys, most important first. */
    ordered: byRank(props.ranks),
    step: 0,
    budget: 0,
  })
  const onSelect = useRef(props.onSelect)
  /** Brings the on-demand links in line with the focus; true when they changed. */
  const relink = useRef<() => boolean>(() => false)
  const drawn = useMemo(() => {
    let n = 0
    for (const key of props.highlight.visible) if (props.graph.hasNode(key)) n++
    return n
  }, [props.highlight.visible, props.graph])

  useEffect(() => {
    onSelect.current = props.onSelect
  })

  useEffect(() => {
    if (!container.current) return
    const large = props.graph.order > LARGE
    const linksOf = props.linksOf
    const crowded = Boolean(linksOf) || props.graph.size > MAX_DRAWN_LINKS
    // The constructor draws the first frame: it needs the label budget of the starting zoom.
    state.current.step = zoomStep(1)
    state.current.budget = labelBudget(state.current.step, state.current.visible.size)
    const sigma = new Sigma<DrawnNode, DrawnEdge>(props.graph, container.current, {
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelWeight: '500',
      // Sigma's label grid keeps the largest node per cell, which neither follows importance
      // nor stops labels in neighbouring cells overlapping: labels are placed in afterRender
      // (placeLabels), most important first. Hover labels are still sigma's.
      renderLabels: false,
      defaultDrawNodeHover: drawHover,
      defaultEdgeColor: '#ced4da',
      zIndex: true,
      hideEdgesOnMove: props.graph.size > 5000,
      stagePadding: 40,
      nodeReducer: (node, data) => {
        const s = state.current
        if (!s.visible.has(node)) return { ...data, hidden: true }
        const out: Omit<Partial<DrawnNode>, 'label'> & {
          highlighted?: boolean
          label: string | null
        } = {
          ...data,
          color: s.colours.get(node) ?? data.color,
          label: shortLabel(data.label),
        }
        if (s.path.length > 0) {
          if (s.path.includes(node)) {
            out.label = shortLabel(data.label)
            out.zIndex = 3
          } else {
            out.color = DIM_NODE
            out.label = null
          }
        }
        if (node === s.hovered) {
          // Hover names anyone, in full.
          out.label = data.label
          out.zIndex = 3
        }
        const focus = large ? s.selected : (s.hovered ?? s.selected)
        if (focus && s.path.length === 0) {
          if (node === focus) {
            out.highlighted = true
            out.label = node === s.hovered ? data.label : shortLabel(data.label)
            out.zIndex = 3
          } else if (props.graph.areNeighbors(node, focus)) {
            out.label ??= shortLabel(data.label)
            out.zIndex = 2
          } else {
            out.color = DIM_NODE
            out.label = node === s.hovered ? data.label : null
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
        const focus = large ? (s.selected ?? s.hovered) : (s.hovered ?? s.selected)
        // Tens of thousands of lines are a grey blur that costs a second a frame in software
        // WebGL: on such a map only the focused person's links are drawn.
        if (!focus && crowded) return { ...data, hidden: true }
        if (focus) {
          return a === focus || b === focus
            ? { ...data, color: '#495057', size: Math.max(data.size, 1.5) }
            : { ...data, hidden: true }
        }
        return data
      },
    })
    sigmaRef.current = sigma
    // Nothing matches it: the first call clears whatever links an earlier canvas left.
    let linkedFor: string | null = null
    relink.current = () => {
      if (!linksOf) return false
      const s = state.current
      const focus = s.selected ?? s.hovered
      const wanted = s.path.length > 0 ? `path:${s.path.join(' ')}` : (focus ?? '')
      if (wanted === linkedFor) return false
      linkedFor = wanted
      const graph = props.graph
      graph.clearEdges()
      if (s.path.length > 0) {
        // Only the links between neighbours on the path.
        s.path.forEach((key, i) => {
          const next = s.path[i + 1]
          if (!next || !graph.hasNode(key)) return
          for (const [a, b, look] of linksOf(key)) {
            if (a === next || b === next) graph.mergeEdge(a, b, look)
          }
        })
      } else if (focus && graph.hasNode(focus)) {
        for (const [a, b, look] of linksOf(focus)) {
          if (graph.hasNode(a) && graph.hasNode(b)) graph.mergeEdge(a, b, look)
        }
      }
      return true
    }
    relink.current()
    const hover = (node: string | null) => {
      const before = state.current.hovered
      state.current.hovered = node
      // New links are indexed by sigma on the next frame: one whole pass, then.
      if (relink.current()) {
        sigma.refresh({ schedule: true })
        return
      }
      if (!large) {
        sigma.refresh({ skipIndexation: true })
        return
      }
      // On a large map only the nodes concerned (and, when links are drawn only around the
      // focus, their links) are redrawn: a whole pass costs a frame.
      const nodes = [before, node].filter((n): n is string => n !== null && props.graph.hasNode(n))
      const edges =
        crowded && !state.current.selected ? nodes.flatMap((n) => props.graph.edges(n)) : []
      sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true })
    }
    // Finding the node under the pointer reads a pixel back from the GPU, which waits for the
    // frame being drawn; while the map is dragged nobody hovers anything, so skip it then (on
    // software WebGL it was most of every frame of a pan).
    let dragging = false
    /** The map moved under a drag: labels are left out until it stops (they follow after). */
    let moved = false
    const captor = sigma.getMouseCaptor()
    captor.on('mousedown', () => {
      dragging = true
    })
    captor.on('mousemovebody', () => {
      if (dragging) moved = true
    })
    captor.on('mouseup', () => {
      dragging = false
      if (moved) {
        moved = false
        sigma.scheduleRender()
      }
    })
    // Sigma's own (private) picking method, wrapped: sigma 3 has no setting for this.
    const picker = sigma as unknown as {
      getNodeAtPosition(position: { x: number; y: number }): string | null
    }
    const pick = picker.getNodeAtPosition.bind(sigma)
    picker.getNodeAtPosition = (position) => (dragging ? null : pick(position))
    sigma.on('enterNode', ({ node }) => hover(node))
    sigma.on('leaveNode', () => hover(null))
    sigma.on('clickNode', ({ node }) => onSelect.current(node))
    sigma.on('clickStage', () => onSelect.current(null))
    // The label budget follows the zoom in whole steps (see mapLabels.ts).
    const camera = sigma.getCamera()
    const rebudget = () => {
      const s = state.current
      s.step = zoomStep(camera.getState().ratio)
      s.budget = labelBudget(s.step, s.visible.size)
    }
    // Before the render this camera move schedules, whose labels use the new budget.
    camera.on('updated', rebudget)
    const widths = new Map<string, number>()
    let placed: PlacedLabel[] = []
    const drawLabels = () => {
      const s = state.current
      const context = sigma.getCanvases().labels?.getContext('2d')
      const box = container.current
      if (!context || !box) return
      // Placing hundreds of labels on every frame of a drag is what made panning stutter.
      if (moved) {
        placed = []
        return
      }
      const must = new Set<string>()
      if (s.visible.size <= FEW_SHOWN) for (const key of s.visible) must.add(key)
      for (const key of s.path) must.add(key)
      if (s.selected && s.path.length === 0 && props.graph.hasNode(s.selected)) {
        must.add(s.selected)
        // A hub's neighbours compete like everyone else beyond the first few.
        let n = 0
        for (const key of props.graph.neighbors(s.selected)) if (n++ < FEW_SHOWN) must.add(key)
      }
      const candidates: LabelCandidate[] = []
      const add = (key: string, isMust: boolean) => {
        const data = sigma.getNodeDisplayData(key)
        if (!data || data.hidden || !data.label) return
        const at = sigma.framedGraphToViewport(data)
        candidates.push({
          x: at.x,
          y: at.y,
          size: sigma.scaleSize(data.size),
          text: data.label,
          must: isMust,
        })
      }
      for (const key of must) add(key, true)
      for (const key of s.ordered) {
        if ((s.ranks.get(key) ?? Infinity) >= s.budget) break
        if (!must.has(key)) add(key, false)
      }
      context.font = `500 ${LABEL_SIZE}px ${LABEL_FONT}`
      context.fillStyle = '#212529'
      const measure = (text: string) => {
        let w = widths.get(text)
        if (w === undefined) widths.set(text, (w = context.measureText(text).width))
        return w
      }
      placed = placeLabels(candidates, measure, box.clientWidth, box.clientHeight, LABEL_SIZE)
      for (const label of placed) context.fillText(label.text, label.left, label.y)
    }
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
    // For the benchmark and tests: the first frame (the graph comes with its positions), and the
    // labels drawn (how many run past the map's edges: none should).
    const report = () => {
      const box = container.current?.parentElement
      if (!box) return
      const width = container.current!.clientWidth
      box.setAttribute('data-drawn', 'true')
      box.setAttribute('data-labels', JSON.stringify(placed.slice(0, 200).map((l) => l.text)))
      box.setAttribute(
        'data-labels-clipped',
        String(placed.filter((l) => l.left < 0 || l.left + l.width > width).length),
      )
    }
    const afterRender = () => {
      drawLabels()
      drawRings()
      report()
    }
    sigma.on('afterRender', afterRender)
    // The constructor already drew the first frame, before this listener existed.
    afterRender()
    return () => {
      sigma.kill()
      sigmaRef.current = null
      relink.current = () => false
    }
  }, [props.graph, props.linksOf])

  useEffect(() => {
    const s = state.current
    const h = props.highlight
    const changed =
      s.visible !== h.visible ||
      s.colours !== h.colours ||
      s.selected !== h.selected ||
      s.path !== h.path ||
      s.rings !== props.rings ||
      s.ranks !== props.ranks
    s.visible = h.visible
    s.colours = h.colours
    s.selected = h.selected
    s.path = h.path
    s.rings = props.rings
    if (s.ranks !== props.ranks) s.ordered = byRank(props.ranks)
    s.ranks = props.ranks
    s.budget = labelBudget(s.step, s.visible.size)
    // New positions reach sigma through the graph itself; a whole pass through the reducers
    // (every link included) is only needed when what they read changed.
    relink.current()
    if (changed) sigmaRef.current?.refresh({ schedule: true })
  }, [props.highlight, props.rings, props.graph, props.ranks])

  useEffect(() => {
    const sigma = sigmaRef.current
    const focus = props.focus
    if (!sigma || !focus) return
    // After the redraw this selection scheduled: until then the node's display position is
    // not yet in the camera's coordinates.
    const frame = requestAnimationFrame(() => {
      const data = sigma.getNodeDisplayData(focus.key)
      if (!data) return
      void sigma.getCamera().animate({ x: data.x, y: data.y, ratio: 0.45 }, { duration: 400 })
    })
    return () => cancelAnimationFrame(frame)
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
