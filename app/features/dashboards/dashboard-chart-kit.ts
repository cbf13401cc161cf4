import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js'
import { PointWithErrorBar, ScatterWithErrorBarsController } from 'chartjs-chart-error-bars'

// What the dashboard's charts draw with (bars, the target line, the forest
// plot's points with their intervals), and nothing else of Chart.js: loaded
// by the charts themselves, on demand.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, ScatterWithErrorBarsController, PointWithErrorBar)

export { Chart, ScatterWithErrorBarsController }
