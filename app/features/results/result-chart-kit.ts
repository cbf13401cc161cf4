import { BarWithErrorBar, BarWithErrorBarsController } from 'chartjs-chart-error-bars'
import { CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'

// What a result chart draws with, and nothing else of Chart.js: loaded by
// the chart itself, on demand.
Chart.register(BarWithErrorBarsController, BarWithErrorBar, CategoryScale, LinearScale, Legend, Tooltip)

export { BarWithErrorBarsController, Chart }
