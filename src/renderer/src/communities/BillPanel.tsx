import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatheringView } from '../../../shared/communities/communityOperations'
import { ME_ID, type Bill } from '../../../shared/model'
import { useGatheringUpdate } from './GatheringDetails'
import { formatCents, parseCents } from './money'
import { usePersonName } from './usePersonName'

interface ItemDraft {
  id?: string
  label: string
  amount: string
  owedBy: string[]
}

/**
 * Everyone pays their own (the default), or split equally, or per item; with who paid and who
 * still owes them. Amounts are typed in the currency and kept in cents, so shares add up exactly.
 */
export function BillPanel(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t, i18n } = useTranslation()
  const g = props.view.gathering
  const name = usePersonName(props.view.names)
  const update = useGatheringUpdate(props.view, props.onView)
  const [mode, setMode] = useState<Bill['mode']>(g.bill.mode)
  const [total, setTotal] = useState(
    g.bill.totalCents === undefined ? '' : (g.bill.totalCents / 100).toFixed(2),
  )
  const [payer, setPayer] = useState<string>(g.bill.payerId ?? ME_ID)
  const [items, setItems] = useState<ItemDraft[]>(
    g.bill.items.map((item) => ({
      id: item.id,
      label: item.label,
      amount: (item.amountCents / 100).toFixed(2),
      owedBy: item.owedBy,
    })),
  )
  // Everyone expected shares the bill and can be the payer: a "no" is the only one left out.
  const expected = g.attendees.filter((a) => a.rsvp !== 'no')
  const coming = [ME_ID, ...expected.map((a) => a.contactId)]
  const answered = expected.filter((a) => a.rsvp === 'yes').length
  const options = coming.map((id) => ({ value: id, label: name(id) }))
  const totalCents = total.trim() === '' ? undefined : parseCents(total)
  const itemCents = items.map((item) => parseCents(item.amount))
  const valid =
    totalCents !== null &&
    (mode !== 'equal' || totalCents !== undefined) &&
    (mode !== 'itemised' ||
      items.every((item, i) => itemCents[i] !== null && item.owedBy.length > 0))
  const currency = g.currency

  const save = (settledIds = g.bill.settledIds) =>
    void update({
      bill: {
        mode,
        ...(totalCents != null ? { totalCents } : {}),
        payerId: payer,
        items:
          mode === 'itemised'
            ? items.map((item, i) => ({
                ...(item.id ? { id: item.id } : {}),
                label: item.label,
                amountCents: itemCents[i] ?? 0,
                owedBy: item.owedBy,
              }))
            : [],
        settledIds,
      },
    })

  return (
    <Stack gap="xs">
      {g.budgetPerPerson !== undefined && (
        <Text size="sm">
          {t('communities.bill.budgetTold', {
            amount: formatCents(Math.round(g.budgetPerPerson * 100), currency, i18n.language),
          })}
        </Text>
      )}
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as Bill['mode'])}
        data={(['own', 'equal', 'itemised'] as const).map((value) => ({
          value,
          label: t(`communities.bill.mode.${value}`),
        }))}
      />
      {mode !== 'own' && (
        <Text size="sm" c="dimmed" data-testid="bill-shared-by">
          {t('communities.bill.sharedBy', {
            count: coming.length,
            answered,
            waiting: expected.length - answered,
          })}
        </Text>
      )}
      {mode === 'own' ? (
        <Text size="sm" c="dimmed">
          {t('communities.bill.ownHint')}
        </Text>
      ) : (
        <Group grow align="flex-start">
          <TextInput
            label={t('communities.bill.total', { currency: currency ?? '' })}
            value={total}
            onChange={(e) => setTotal(e.currentTarget.value)}
            error={totalCents === null ? t('communities.bill.badAmount') : undefined}
            inputMode="decimal"
          />
          <Select
            label={t('communities.bill.payer')}
            data={options}
            value={payer}
            onChange={(v) => v && setPayer(v)}
            allowDeselect={false}
          />
        </Group>
      )}
      {mode === 'itemised' && (
        <Stack gap={4}>
          {items.map((item, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                size="xs"
                aria-label={t('communities.bill.itemLabel')}
                placeholder={t('communities.bill.itemLabel')}
                value={item.label}
                onChange={(e) =>
                  setItems(
                    items.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)),
                  )
                }
              />
              <TextInput
                size="xs"
                w={100}
                aria-label={t('communities.bill.itemAmount')}
                placeholder="0.00"
                value={item.amount}
                error={itemCents[i] === null}
                onChange={(e) =>
                  setItems(
                    items.map((x, j) => (j === i ? { ...x, amount: e.currentTarget.value } : x)),
                  )
                }
              />
              <MultiSelect
                size="xs"
                style={{ flex: 1 }}
                aria-label={t('communities.bill.itemOwedBy')}
                placeholder={t('communities.bill.itemOwedBy')}
                data={options}
                value={item.owedBy}
                onChange={(owedBy) =>
                  setItems(items.map((x, j) => (j === i ? { ...x, owedBy } : x)))
                }
              />
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              >
                {t('common.delete')}
              </Button>
            </Group>
          ))}
          <Button
            size="xs"
            variant="default"
            w="fit-content"
            onClick={() => setItems([...items, { label: '', amount: '', owedBy: [] }])}
          >
            {t('communities.bill.addItem')}
          </Button>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="light" disabled={!valid} onClick={() => save()}>
          {t('communities.bill.save')}
        </Button>
      </Group>
      {props.view.bill.unaccountedCents !== 0 && (
        <Alert color="yellow" variant="light">
          {t('communities.bill.mismatch', {
            items: formatCents(props.view.bill.totalCents, currency, i18n.language),
            total: formatCents(
              props.view.bill.totalCents - props.view.bill.unaccountedCents,
              currency,
              i18n.language,
            ),
          })}
        </Alert>
      )}
      {props.view.bill.shares.length > 0 && (
        <Table aria-label={t('communities.bill.shares')} fz="sm" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('communities.bill.person')}</Table.Th>
              <Table.Th>{t('communities.bill.share')}</Table.Th>
              <Table.Th>
                {t('communities.bill.owes', { payer: name(g.bill.payerId ?? ME_ID) })}
              </Table.Th>
              <Table.Th>{t('communities.bill.settled')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.view.bill.shares.map((s) => (
              <Table.Tr key={s.personId}>
                <Table.Td>{name(s.personId)}</Table.Td>
                <Table.Td>{formatCents(s.shareCents, currency, i18n.language)}</Table.Td>
                <Table.Td>{formatCents(s.owesCents, currency, i18n.language)}</Table.Td>
                <Table.Td>
                  {s.personId !== (g.bill.payerId ?? ME_ID) && (
                    <Checkbox
                      aria-label={t('communities.bill.settledBy', { name: name(s.personId) })}
                      checked={s.settled}
                      onChange={(e) =>
                        save(
                          e.currentTarget.checked
                            ? [...g.bill.settledIds, s.personId]
                            : g.bill.settledIds.filter((id) => id !== s.personId),
                        )
                      }
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
