#pragma once

#include "scene/ProductCatalog.h"

#include <QDialog>

#include <vector>

class QDoubleSpinBox;
class QSpinBox;
class QTableWidget;

namespace banquise::widgets {

// "69.12° N to 70.31° N, 51.20° W to 48.03° W": the latitude and longitude
// bounds of a product's footprint ("unknown" without one).
QString footprintText(const std::vector<scene::LonLat>& footprint);

// Shows what Banquise recognised in the chosen files and folders (sensor,
// kind, time, details, footprint, path), with a check box per product, and what it
// skipped and why; the user picks the products that make the scene.
class ProductListDialog : public QDialog {
    Q_OBJECT
public:
    ProductListDialog(const scene::Detection& detection, QWidget* parent = nullptr);

    std::vector<scene::DetectedProduct> chosenProducts() const;
    // The analysis grid's CRS (EPSG code) and pixel size (metres) the user chose.
    int epsg() const;
    double pixelSize() const;

private:
    scene::Detection m_detection;
    QTableWidget* m_table;
    QSpinBox* m_epsg;
    QDoubleSpinBox* m_pixelSize;
};

} // namespace banquise::widgets
