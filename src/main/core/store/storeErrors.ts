import { RapportError } from '../../../shared/errors'

/** The store file exists but cannot be used; it is left exactly as it is. */
export function storeUnavailable(file: string, reason: string): RapportError {
  return new RapportError('STORE_UNAVAILABLE', `Cannot use the data file ${file}: ${reason}`, {
    file,
    reason,
  })
}
