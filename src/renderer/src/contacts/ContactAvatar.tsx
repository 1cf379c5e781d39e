import { Avatar, type AvatarProps } from '@mantine/core'
import { avatarText } from '../../../shared/contacts/names/avatarText'

/** A contact's photo, or the letters Chinese and Western apps would show (see avatarText). */
export function ContactAvatar({
  name,
  ...props
}: Omit<AvatarProps, 'children'> & { name: string }) {
  return (
    <Avatar name={name} color="initials" alt="" {...props}>
      {avatarText(name)}
    </Avatar>
  )
}
