import { Route, Routes } from 'react-router-dom'
import { MapPage } from './MapPage'

/** The routes under /map. */
export function MapSection() {
  return (
    <Routes>
      <Route index element={<MapPage />} />
    </Routes>
  )
}
