import { Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePhoto } from '../usePhoto'
import { ContactAvatar } from '../ContactAvatar'

/** The card's photo: click to choose a file, or drop one on it. Paste is handled by the page. */
export function PhotoPicker(props: { name: string; photo?: string; onFile: (file: File) => void }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const src = usePhoto(props.photo, 'full')
  return (
    <Tooltip label={t('card.photoHint')}>
      {/* Named by its content, so the initials a sighted user sees are part of the name. */}
      <UnstyledButton
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          const file = e.dataTransfer.files[0]
          if (file) props.onFile(file)
        }}
        style={{
          borderRadius: '50%',
          outline: over ? '3px dashed var(--mantine-color-teal-5)' : undefined,
        }}
      >
        <VisuallyHidden>{t('card.photo')}</VisuallyHidden>
        <ContactAvatar src={src} name={props.name} size={96} radius={96} />
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          hidden
          data-testid="photo-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            if (file) props.onFile(file)
            e.currentTarget.value = ''
          }}
        />
      </UnstyledButton>
    </Tooltip>
  )
}
