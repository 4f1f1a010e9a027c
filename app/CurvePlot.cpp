#include "app/CurvePlot.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace banquise::app {

void writeCurvePlot(const QString& path, const QString& title, const QString& xLabel, const QString& yLabel,
                    const std::vector<CurveSeries>& series)
{
    // Hand-drawn with QPainter: Qt Charts needs a widget application.
    const QSize size(900, 560);
    const QRectF area(80, 50, 640, 430);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);

    double xMin = 1e300, xMax = -1e300, yMin = 1e300, yMax = -1e300;
    for (const auto& s : series)
        for (const auto& [x, y] : s.points) {
            xMin = std::min(xMin, x);
            xMax = std::max(xMax, x);
            yMin = std::min(yMin, y);
            yMax = std::max(yMax, y);
        }
    if (xMin > xMax) {
        xMin = yMin = 0.0;
        xMax = yMax = 1.0;
    }
    if (xMax - xMin < 1e-12)
        xMax = xMin + 1.0;
    const double yPad = std::max(0.02, 0.05 * (yMax - yMin));
    yMin -= yPad;
    yMax += yPad;
    const auto toPixel = [&](double x, double y) {
        return QPointF(area.left() + (x - xMin) / (xMax - xMin) * area.width(), area.bottom() - (y - yMin) / (yMax - yMin) * area.height());
    };

    painter.setPen(QPen(Qt::black, 1));
    painter.drawRect(area);
    for (int t = 0; t <= 5; ++t) {
        const double x = xMin + t * (xMax - xMin) / 5, y = yMin + t * (yMax - yMin) / 5;
        const QPointF px = toPixel(x, yMin), py = toPixel(xMin, y);
        painter.drawLine(px, px + QPointF(0, 5));
        painter.drawText(QRectF(px.x() - 40, px.y() + 6, 80, 18), Qt::AlignHCenter, QString::number(x, 'g', 4));
        painter.drawLine(py, py - QPointF(5, 0));
        painter.drawText(QRectF(py.x() - 75, py.y() - 9, 68, 18), Qt::AlignRight | Qt::AlignVCenter, QString::number(y, 'f', 3));
    }
    painter.drawText(QRectF(area.left(), area.bottom() + 26, area.width(), 20), Qt::AlignHCenter, xLabel);
    painter.save();
    painter.translate(18, area.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-area.height() / 2, -10, area.height(), 20), Qt::AlignHCenter, yLabel);
    painter.restore();
    painter.save();
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRectF(0, 12, size.width(), 24), Qt::AlignHCenter, title);
    painter.restore();

    const QColor colours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40), QColor(148, 103, 189)};
    for (std::size_t i = 0; i < series.size(); ++i) {
        const QColor colour = colours[i % std::size(colours)];
        painter.setPen(QPen(colour, 2));
        for (std::size_t k = 1; k < series[i].points.size(); ++k)
            painter.drawLine(toPixel(series[i].points[k - 1].first, series[i].points[k - 1].second),
                             toPixel(series[i].points[k].first, series[i].points[k].second));
        for (const auto& [x, y] : series[i].points)
            painter.drawEllipse(toPixel(x, y), 2.5, 2.5);
        const QPointF legend(area.right() + 20, area.top() + 20 + 22 * i);
        painter.drawLine(legend, legend + QPointF(24, 0));
        painter.setPen(Qt::black);
        painter.drawText(legend + QPointF(30, 5), series[i].name);
    }
    painter.end();
    if (!image.save(path, "PNG"))
        throw std::runtime_error(path.toStdString() + ": cannot write the plot");
}

} // namespace banquise::app
