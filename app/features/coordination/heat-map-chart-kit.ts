import { CategoryScale, Chart, Tooltip } from 'chart.js'
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix'

// What the heat map draws with, and nothing else of Chart.js: loaded by the
// chart itself, on demand.
Chart.register(CategoryScale, Tooltip, MatrixController, MatrixElement)

export { Chart }
