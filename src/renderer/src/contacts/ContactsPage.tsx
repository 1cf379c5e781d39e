import {
  Badge,
  Button,
  Center,
  Checkbox,
  Drawer,
  Group,
  Loader,
  MultiSelect,
  Popover,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { ContactListItem } from '../../../shared/contacts/cardView'
import type { ContactQueryInput } from '../../../shared/contract'
import { ecosystemSchema, tierSchema, type Ecosystem, type Tier } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { ContactForm, draftOf, patchOf, type ContactDraft } from './ContactForm'
import { downloadText } from '../files/downloadText'
import { errorText } from '../api/errorText'
import { ImportModal } from '../importExport/ImportModal'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { usePhoto } from './usePhoto'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { useWindowedList } from '../lists/useWindowedList'
import { ContactAvatar } from './ContactAvatar'

const TIER_COLORS = { life: 'grape', close: 'teal', good: 'blue', outside: 'gray' } as const
const ROW_HEIGHT = 52
/**
 * Rows per request: a screenful and its overscan. Each keystroke asks for the first window, so
 * a small one keeps the answer short (at 20,000 contacts the core built 200 rows in 1.7 ms
 * median, 10 ms p95, and 50 in 0.7 ms, 1.9 ms p95; 200 rows were 48 KB of JSON).
 */
const LIST_WINDOW = 60
/** The columns (and which drop in a narrow window) are in narrow/narrow.css. */
const GRID_CLASS = 'rapport-contacts-grid'
type SortBy = NonNullable<ContactQueryInput['sort']>['by']

interface Filters {
  tiers: Tier[]
  ecosystems: Ecosystem[]
  tags: string[]
  eventId: string | null
  communityId: string | null
  overdue: boolean
  includeArchived: boolean
}
const NO_FILTERS: Filters = {
  tiers: [],
  ecosystems: [],
  tags: [],
  eventId: null,
  communityId: null,
  overdue: false,
  includeArchived: false,
}

export function ContactsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  // No debounce: the core answers a search in a few milliseconds, and an answer for an older
  // text is dropped by useWindowedList, so each keystroke asks at once.
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [sort, setSort] = useState<{ by: SortBy; direction: 'asc' | 'desc' }>({
    by: 'name',
    direction: 'asc',
  })
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [creating, setCreating] = useState(false)
  const [saving, setSaving] = useState(false)
  const [importing, setImporting] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)

  const request: ContactQueryInput = {
    text: query,
    tiers: filters.tiers,
    ecosystems: filters.ecosystems,
    tags: filters.tags,
    ...(filters.eventId ? { eventId: filters.eventId } : {}),
    ...(filters.communityId ? { communityId: filters.communityId } : {}),
    overdue: filters.overdue,
    includeArchived: filters.includeArchived,
    sort,
  }
  const requestKey = JSON.stringify(request)
  const list = useWindowedList(
    async (offset, limit) => {
      const { total, items, facets } = await api['contacts.search']({ ...request, offset, limit })
      return { total, items, meta: facets }
    },
    queryKeys.contactSearch(requestKey),
    LIST_WINDOW,
  )
  const { total, meta: facets, error, reload } = list
  // A selection belongs to one search: other filters select afresh.
  const [selectedFor, setSelectedFor] = useState(requestKey)
  if (selectedFor !== requestKey) {
    setSelectedFor(requestKey)
    // Keeping the same empty set spares the rows a redraw on every keystroke.
    setSelected((s) => (s.size > 0 ? new Set() : s))
  }
  const requestRef = useRef(request)
  useEffect(() => {
    requestRef.current = request
  })
  const eventNames = useQuery({
    queryKey: queryKeys.eventNames(),
    queryFn: () => api['events.names'](),
  })
  const communityNames = useQuery({
    queryKey: queryKeys.communityNames(),
    queryFn: () => api['communities.names'](),
  })
  const selectAllMatching = useCallback(async () => {
    try {
      setSelected(new Set(await api['contacts.matchingIds'](requestRef.current)))
    } catch (caught) {
      notifications.show({
        color: 'red',
        title: t('errors.title'),
        message: errorText(t, caught),
      })
    }
  }, [api, t])
  // Stable handlers, so the filters and the rows are not drawn again for each keystroke.
  const onSelectAll = useCallback(() => void selectAllMatching(), [selectAllMatching])
  const onOpen = useCallback((id: string) => navigate(`/contacts/${id}`), [navigate])
  const onToggle = useCallback(
    (id: string) =>
      setSelected((previous) => {
        const next = new Set(previous)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      }),
    [],
  )
  const bulkUpdate = async (change: { archived: true } | { addTags: string[] }) => {
    try {
      const { updated } = await api['contacts.bulkUpdate']({ ids: [...selected], ...change })
      notifications.show({ color: 'teal', message: t('list.bulkDone', { count: updated }) })
      setSelected(new Set())
    } catch (caught) {
      showError(caught)
    }
  }

  useHotkeys([
    ['mod+N', () => setCreating(true)],
    ['/', () => searchRef.current?.focus()],
  ])

  const showError = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  // A failed save is shown by the form: on its fields when the core names them.
  const create = async (draft: ContactDraft) => {
    setSaving(true)
    try {
      const created = await api['contacts.create'](patchOf(draft))
      notifications.show({ color: 'teal', message: t('contacts.created', { name: created.name }) })
      setCreating(false)
    } finally {
      setSaving(false)
    }
  }

  const exportVCard = async () => {
    try {
      const ids = selected.size > 0 ? [...selected] : undefined
      const { fileName, text } = await api['export.vcard'](ids ? { ids } : {})
      downloadText(fileName, text, 'text/vcard')
      notifications.show({ color: 'teal', message: t('list.exported', { file: fileName }) })
    } catch (caught) {
      showError(caught)
    }
  }

  const toggleSort = useCallback(
    (by: SortBy) =>
      setSort((s) => ({ by, direction: s.by === by && s.direction === 'asc' ? 'desc' : 'asc' })),
    [],
  )
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS)

  return (
    <Stack
      h="calc(100dvh - var(--app-shell-header-offset, 0px) - 2 * var(--app-shell-padding))"
      gap="sm"
    >
      <PageHeader
        title={t('contacts.title')}
        subtitle={
          total !== undefined && facets
            ? `${t('contacts.count', { count: total })} · ${t('list.circleCounts', facets.tiers)}`
            : undefined
        }
        actions={
          <Group gap={6} justify="flex-end">
            <Button size="xs" variant="default" onClick={() => navigate('/contacts/review')}>
              {t('list.review')}
            </Button>
            <Button size="xs" variant="default" onClick={() => navigate('/contacts/duplicates')}>
              {t('list.duplicates')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setImporting(true)}>
              {t('list.import')}
            </Button>
            {selected.size > 0 && (
              <BulkActions
                count={selected.size}
                onArchive={() => void bulkUpdate({ archived: true })}
                onTag={(tag) => void bulkUpdate({ addTags: [tag] })}
              />
            )}
            <Button size="xs" variant="default" onClick={() => void exportVCard()}>
              {selected.size > 0
                ? t('list.exportSelected', { count: selected.size })
                : t('list.export')}
            </Button>
            <Button size="xs" onClick={() => setCreating(true)}>
              {t('contacts.new')}
            </Button>
          </Group>
        }
      />
      <TextInput
        ref={searchRef}
        placeholder={t('contacts.search')}
        aria-label={t('contacts.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
      />
      <FilterBar
        filters={filters}
        onChange={setFilters}
        tags={facets?.tags}
        events={eventNames.data}
        communities={communityNames.data}
      />

      {error ? (
        <QueryError error={error} onRetry={reload} />
      ) : total === undefined ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : total === 0 ? (
        <Center py="xl">
          {query || filtered ? (
            <Text c="dimmed">{t('contacts.noMatch', { query })}</Text>
          ) : (
            <Stack align="center" gap="xs">
              <Title order={3}>{t('contacts.emptyTitle')}</Title>
              <Text c="dimmed">{t('contacts.emptyBody')}</Text>
              <Group>
                <Button onClick={() => setCreating(true)}>{t('contacts.new')}</Button>
                <Button variant="default" onClick={() => setImporting(true)}>
                  {t('list.import')}
                </Button>
              </Group>
            </Stack>
          )}
        </Center>
      ) : (
        <VirtualContactTable
          total={total}
          rowAt={list.rowAt}
          onShowRange={list.showRange}
          sort={sort}
          onSort={toggleSort}
          selected={selected}
          onSelect={setSelected}
          onToggle={onToggle}
          onSelectAll={onSelectAll}
          onOpen={onOpen}
        />
      )}

      <Drawer
        opened={creating}
        onClose={() => setCreating(false)}
        position="right"
        size="lg"
        title={
          <Title order={2} size="h3">
            {t('contacts.new')}
          </Title>
        }
      >
        {creating && (
          <ContactForm
            initial={draftOf()}
            saving={saving}
            onSubmit={create}
            onError={showError}
            onCancel={() => setCreating(false)}
          />
        )}
      </Drawer>
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  )
}

/** The filters under the search box; drawn again only when they or their choices change. */
const FilterBar = memo(
  function FilterBar(props: {
    filters: Filters
    onChange: (update: (filters: Filters) => Filters) => void
    tags: { tag: string; count: number }[] | undefined
    events: { id: string; name: string }[] | undefined
    communities: { id: string; name: string }[] | undefined
  }) {
    const { t } = useTranslation()
    const { onChange } = props
    const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) =>
      onChange((f) => ({ ...f, [key]: value }))
    const filtered = JSON.stringify(props.filters) !== JSON.stringify(NO_FILTERS)
    return (
      <Group gap="xs" align="flex-end">
        <MultiSelect
          size="xs"
          w={170}
          placeholder={t('list.tiers')}
          aria-label={t('list.tiers')}
          data={tierSchema.options.map((v) => ({ value: v, label: t(`contacts.tier.${v}`) }))}
          value={props.filters.tiers}
          onChange={(v) => setFilter('tiers', v as Tier[])}
        />
        <MultiSelect
          size="xs"
          w={170}
          placeholder={t('list.ecosystems')}
          aria-label={t('list.ecosystems')}
          data={ecosystemSchema.options.map((v) => ({
            value: v,
            label: t(`contacts.ecosystem.${v}`),
          }))}
          value={props.filters.ecosystems}
          onChange={(v) => setFilter('ecosystems', v as Ecosystem[])}
        />
        <MultiSelect
          size="xs"
          w={170}
          placeholder={t('list.tags')}
          aria-label={t('list.tags')}
          searchable
          data={(props.tags ?? [])
            .slice(0, 200)
            .map((f) => ({ value: f.tag, label: `${f.tag} (${f.count})` }))}
          value={props.filters.tags}
          onChange={(v) => setFilter('tags', v)}
        />
        <Select
          size="xs"
          w={170}
          placeholder={t('list.event')}
          aria-label={t('list.event')}
          clearable
          data={(props.events ?? []).map((e) => ({ value: e.id, label: e.name }))}
          value={props.filters.eventId}
          onChange={(v) => setFilter('eventId', v)}
        />
        <Select
          size="xs"
          w={170}
          placeholder={t('list.community')}
          aria-label={t('list.community')}
          clearable
          data={(props.communities ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={props.filters.communityId}
          onChange={(v) => setFilter('communityId', v)}
        />
        <Switch
          size="xs"
          label={t('list.overdue')}
          checked={props.filters.overdue}
          onChange={(e) => setFilter('overdue', e.currentTarget.checked)}
        />
        <Switch
          size="xs"
          label={t('list.archived')}
          checked={props.filters.includeArchived}
          onChange={(e) => setFilter('includeArchived', e.currentTarget.checked)}
        />
        {filtered && (
          <Button size="xs" variant="subtle" onClick={() => onChange(() => NO_FILTERS)}>
            {t('list.clear')}
          </Button>
        )}
      </Group>
    )
  },
  // Every answer carries the tag counts afresh; the same counts need no redraw.
  (before, after) =>
    before.filters === after.filters &&
    before.onChange === after.onChange &&
    before.events === after.events &&
    before.communities === after.communities &&
    JSON.stringify(before.tags) === JSON.stringify(after.tags),
)

const VirtualContactTable = memo(function VirtualContactTable(props: {
  total: number
  rowAt: (index: number) => ContactListItem | undefined
  onShowRange: (first: number, last: number) => void
  sort: { by: SortBy; direction: 'asc' | 'desc' }
  onSort: (by: SortBy) => void
  selected: Set<string>
  onSelect: (ids: Set<string>) => void
  onToggle: (id: string) => void
  /** Selects every contact the search matches, loaded or not. */
  onSelectAll: () => void
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer hands back functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const firstIndex = virtualRows[0]?.index ?? 0
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? 0
  const { onShowRange } = props
  // Fetch the windows of the rows on screen: a jump to the end asks only for the end.
  useEffect(() => {
    onShowRange(firstIndex, lastIndex)
  }, [firstIndex, lastIndex, onShowRange])

  const allSelected = props.total > 0 && props.selected.size >= props.total
  const header = (by: SortBy | null, label: string) =>
    by ? (
      <UnstyledButton onClick={() => props.onSort(by)} fw={700} fz="sm">
        {label} {props.sort.by === by ? (props.sort.direction === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    ) : (
      <Text fw={700} fz="sm">
        {label}
      </Text>
    )
  const focusRow = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index)
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus(),
      )
    },
    [virtualizer],
  )

  return (
    <div
      role="table"
      className="rapport-contacts-table"
      aria-label={t('contacts.title')}
      aria-rowcount={props.total + 1}
      style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
    >
      <div
        role="row"
        className={GRID_CLASS}
        style={{
          padding: '6px 8px',
          borderBottom: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <span role="columnheader">
          <Checkbox
            size="xs"
            aria-label={t('list.selectAll', { count: props.total })}
            title={t('list.selectAll', { count: props.total })}
            checked={allSelected}
            indeterminate={props.selected.size > 0 && !allSelected}
            onChange={() =>
              props.selected.size > 0 ? props.onSelect(new Set()) : props.onSelectAll()
            }
          />
        </span>
        <span role="columnheader">{header('name', t('contacts.columns.name'))}</span>
        <span role="columnheader" data-column="work">
          {header('organization', t('contacts.columns.work'))}
        </span>
        <span role="columnheader">{header('tier', t('contacts.columns.tier'))}</span>
        <span role="columnheader" data-column="tags">
          {header(null, t('contacts.columns.tags'))}
        </span>
        <span role="columnheader" data-column="reach">
          {header(null, t('contacts.columns.reach'))}
        </span>
        <span role="columnheader">{header(null, t('list.completeness'))}</span>
      </div>
      <div ref={scroller} style={{ flex: 1, overflow: 'auto' }} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((row) => {
            const item = props.rowAt(row.index)
            // Keyed by position, not by contact: a new search fills the rows already on screen
            // instead of building them afresh.
            if (!item) return <PendingRow key={`pending-${row.index}`} start={row.start} />
            return (
              <ContactRow
                key={row.index}
                item={item}
                index={row.index}
                start={row.start}
                hasNext={row.index + 1 < props.total}
                selected={props.selected.has(item.id)}
                onOpen={props.onOpen}
                onToggle={props.onToggle}
                onFocusRow={focusRow}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
})

/** Two answers for the same contact show the same row: no redraw for an unchanged one. */
function sameItem(a: ContactListItem, b: ContactListItem): boolean {
  return (
    a === b ||
    ((Object.keys(a) as (keyof ContactListItem)[]).every(
      (key) => key === 'tags' || a[key] === b[key],
    ) &&
      Object.keys(a).length === Object.keys(b).length &&
      a.tags.join('\n') === b.tags.join('\n'))
  )
}

interface ContactRowProps {
  item: ContactListItem
  index: number
  start: number
  /** Whether a row follows, for the arrow keys. */
  hasNext: boolean
  selected: boolean
  onOpen: (id: string) => void
  onToggle: (id: string) => void
  onFocusRow: (index: number) => void
}

const ContactRow = memo(
  function ContactRow({
    item,
    index,
    start,
    hasNext,
    selected,
    onOpen,
    onToggle,
    onFocusRow,
  }: ContactRowProps) {
    const { t } = useTranslation()
    return (
      <div
        role="row"
        tabIndex={0}
        aria-rowindex={index + 2}
        data-row-index={index}
        onClick={() => onOpen(item.id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onOpen(item.id)
          if (e.key === 'ArrowDown' && hasNext) {
            e.preventDefault()
            onFocusRow(index + 1)
          }
          if (e.key === 'ArrowUp' && index > 0) {
            e.preventDefault()
            onFocusRow(index - 1)
          }
          if (e.key === ' ') {
            e.preventDefault()
            onToggle(item.id)
          }
        }}
        className={`rapport-row ${GRID_CLASS}`}
        style={{
          position: 'absolute',
          top: 0,
          left: 0,
          right: 0,
          height: ROW_HEIGHT,
          transform: `translateY(${start}px)`,
          alignItems: 'center',
          padding: '0 8px',
          borderBottom: '1px solid var(--mantine-color-gray-2)',
          cursor: 'pointer',
          opacity: item.archived ? 0.55 : 1,
        }}
      >
        <span role="cell" onClick={(e) => e.stopPropagation()}>
          <Checkbox
            size="xs"
            aria-label={t('list.select', { name: item.name })}
            checked={selected}
            onChange={() => onToggle(item.id)}
          />
        </span>
        <span role="cell">
          <Group gap="sm" wrap="nowrap">
            <RowAvatar item={item} />
            <Text size="sm" fw={600} truncate>
              {item.name}
            </Text>
          </Group>
        </span>
        <span role="cell" data-column="work">
          <Text size="sm" truncate>
            {[item.organization, item.role].filter(Boolean).join(' · ')}
          </Text>
        </span>
        <span role="cell" style={{ whiteSpace: 'nowrap' }}>
          <Badge color={TIER_COLORS[item.tier]} variant="light" tt="none" miw="max-content">
            {t(`contacts.tier.${item.tier}`)}
          </Badge>
          {item.overdue && (
            <Badge color="red" variant="light" ml={4} tt="none" size="sm">
              {t('list.overdueShort')}
            </Badge>
          )}
        </span>
        <span role="cell" data-column="tags">
          <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
            {item.tags.slice(0, 2).map((tag) => (
              <Badge key={tag} size="sm" variant="default" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        </span>
        <span role="cell" data-column="reach">
          <Text size="sm" c="dimmed" truncate>
            {item.reach}
          </Text>
        </span>
        <span role="cell">
          <Text size="xs" c={item.completeness >= 0.8 ? 'teal' : 'dimmed'}>
            {Math.round(item.completeness * 100)}%
          </Text>
        </span>
      </div>
    )
  },
  (before, after) =>
    sameItem(before.item, after.item) &&
    before.index === after.index &&
    before.start === after.start &&
    before.hasNext === after.hasNext &&
    before.selected === after.selected &&
    before.onOpen === after.onOpen &&
    before.onToggle === after.onToggle &&
    before.onFocusRow === after.onFocusRow,
)

/** A row whose window is still on its way: same height, so the scroll position holds. */
function PendingRow({ start }: { start: number }) {
  const { t } = useTranslation()
  return (
    <div
      role="row"
      aria-busy="true"
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        display: 'flex',
        alignItems: 'center',
        padding: '0 52px',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
      }}
    >
      <Text size="sm" c="dimmed">
        {t('list.loadingRow')}
      </Text>
    </div>
  )
}

function BulkActions(props: {
  count: number
  onArchive: () => void
  onTag: (tag: string) => void
}) {
  const { t } = useTranslation()
  const [tag, setTag] = useState('')
  const [tagging, setTagging] = useState(false)
  return (
    <>
      <Popover opened={tagging} onChange={setTagging} position="bottom-end" trapFocus>
        <Popover.Target>
          <Button size="xs" variant="default" onClick={() => setTagging((o) => !o)}>
            {t('list.tagSelected', { count: props.count })}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(e) => {
              e.preventDefault()
              if (!tag.trim()) return
              props.onTag(tag.trim())
              setTag('')
              setTagging(false)
            }}
          >
            <Group gap="xs">
              <TextInput
                size="xs"
                aria-label={t('list.tagName')}
                placeholder={t('list.tagName')}
                value={tag}
                maxLength={60}
                onChange={(e) => setTag(e.currentTarget.value)}
              />
              <Button size="xs" type="submit" disabled={!tag.trim()}>
                {t('list.addTag')}
              </Button>
            </Group>
          </form>
        </Popover.Dropdown>
      </Popover>
      <Button size="xs" variant="default" onClick={props.onArchive}>
        {t('list.archiveSelected', { count: props.count })}
      </Button>
    </>
  )
}

function RowAvatar({ item }: { item: ContactListItem }) {
  const src = usePhoto(item.photo, 'thumb')
  return <ContactAvatar src={src} name={item.name} size="sm" />
}
