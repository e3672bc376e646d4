// Keyboard moves between events: ←/→ in date order, ↑/↓ to the nearest event in the lane above or below,
// Home/End to the first and last. Pure, over the view model.
import { EventBox, ViewModel } from './viewModel';

/** The box a key moves to from `from`, or null when the key is not a move (or there is nowhere to go). */
export function nextBox(vm: ViewModel, from: EventBox, key: string): EventBox | null {
  const order = vm.order;
  const i = order.findIndex((b) => b.id === from.id);
  if (i < 0) return order[0] ?? null;
  switch (key) {
    case 'ArrowRight':
      return order[i + 1] ?? null;
    case 'ArrowLeft':
      return i > 0 ? order[i - 1] : null;
    case 'Home':
      return order[0] ?? null;
    case 'End':
      return order[order.length - 1] ?? null;
    case 'ArrowDown':
    case 'ArrowUp': {
      const lane = vm.lanes.findIndex((l) => l.boxes.some((b) => b.id === from.id));
      const step = key === 'ArrowDown' ? 1 : -1;
      for (let l = lane + step; l >= 0 && l < vm.lanes.length; l += step) {
        const boxes = vm.lanes[l].boxes;
        if (boxes.length === 0) continue;
        return boxes.reduce((best, b) => (Math.abs(b.x - from.x) < Math.abs(best.x - from.x) ? b : best));
      }
      return null;
    }
    default:
      return null;
  }
}
