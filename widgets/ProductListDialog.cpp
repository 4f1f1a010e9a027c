#include "widgets/ProductListDialog.h"

#include "scene/ProductKinds.h"
#include "scene/UtcTime.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace banquise::widgets {

QString footprintText(const std::vector<scene::LonLat>& footprint)
{
    if (footprint.empty())
        return QObject::tr("unknown");
    double south = 90.0, north = -90.0, west = 180.0, east = -180.0;
    for (const auto& p : footprint) {
        const double lon = p.lon > 180.0 ? p.lon - 360.0 : p.lon;
        south = std::min(south, p.lat);
        north = std::max(north, p.lat);
        west = std::min(west, lon);
        east = std::max(east, lon);
    }
    const auto latitude = [](double v) { return QString("%1° %2").arg(std::abs(v), 0, 'f', 2).arg(v < 0 ? "S" : "N"); };
    const auto longitude = [](double v) { return QString("%1° %2").arg(std::abs(v), 0, 'f', 2).arg(v < 0 ? "W" : "E"); };
    return QString("%1 to %2, %3 to %4").arg(latitude(south), latitude(north), longitude(west), longitude(east));
}

ProductListDialog::ProductListDialog(const scene::Detection& detection, QWidget* parent)
    : QDialog(parent), m_detection(detection), m_table(new QTableWidget(static_cast<int>(detection.products.size()), 6, this)),
      m_epsg(new QSpinBox(this)), m_pixelSize(new QDoubleSpinBox(this))
{
    m_epsg->setObjectName("gridEpsg");
    m_epsg->setRange(1024, 32767);
    m_epsg->setValue(3413); // NSIDC sea-ice polar stereographic north
    m_pixelSize->setObjectName("gridPixelSize");
    m_pixelSize->setRange(5.0, 25000.0);
    m_pixelSize->setDecimals(1);
    m_pixelSize->setSuffix(" m");
    m_pixelSize->setValue(40.0); // Sentinel-1 EW GRDM pixel spacing
    setWindowTitle(tr("Open data"));
    m_table->setObjectName("productTable");
    m_table->setHorizontalHeaderLabels({tr("Sensor"), tr("Kind"), tr("Time (UTC)"), tr("Details"), tr("Footprint"), tr("File")});
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const scene::DetectedProduct& p = m_detection.products[row];
        auto* sensor = new QTableWidgetItem(QString::fromStdString(p.sensor));
        sensor->setFlags(sensor->flags() | Qt::ItemIsUserCheckable);
        // Truth rasters and separate optical bands are there but not picked by default.
        const bool wanted = p.sensor != "raster" && scene::productRole(p) != scene::ProductRole::Band;
        sensor->setCheckState(wanted ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, 0, sensor);
        m_table->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(p.kind)));
        m_table->setItem(row, 2, new QTableWidgetItem(p.time > 0.0 ? QString::fromStdString(scene::formatUtc(p.time)) : tr("unknown")));
        m_table->setItem(row, 3, new QTableWidgetItem(QString::fromStdString(p.detail)));
        m_table->setItem(row, 4, new QTableWidgetItem(footprintText(p.footprint)));
        m_table->setItem(row, 5, new QTableWidgetItem(QString::fromStdString(p.path)));
    }
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%n product(s) recognised. The checked ones make the scene, on a grid that covers the "
                                    "earliest Sentinel-1 footprint (else every product).", nullptr, m_table->rowCount()), this));
    layout->addWidget(m_table, 1);
    if (!m_detection.skipped.empty()) {
        auto* skipped = new QPlainTextEdit(this);
        skipped->setObjectName("skippedList");
        skipped->setReadOnly(true);
        QStringList lines;
        for (const auto& s : m_detection.skipped)
            lines << QString::fromStdString(s);
        skipped->setPlainText(lines.join('\n'));
        skipped->setMaximumHeight(110);
        layout->addWidget(new QLabel(tr("Skipped:"), this));
        layout->addWidget(skipped);
    }
    auto* gridRow = new QHBoxLayout;
    gridRow->addWidget(new QLabel(tr("Analysis grid: EPSG"), this));
    gridRow->addWidget(m_epsg);
    gridRow->addWidget(new QLabel(tr("pixel"), this));
    gridRow->addWidget(m_pixelSize);
    gridRow->addStretch(1);
    layout->addLayout(gridRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(980, 520);
}

int ProductListDialog::epsg() const
{
    return m_epsg->value();
}

double ProductListDialog::pixelSize() const
{
    return m_pixelSize->value();
}

std::vector<scene::DetectedProduct> ProductListDialog::chosenProducts() const
{
    std::vector<scene::DetectedProduct> chosen;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->checkState() == Qt::Checked)
            chosen.push_back(m_detection.products[row]);
    return chosen;
}

} // namespace banquise::widgets
