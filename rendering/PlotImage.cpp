#include "rendering/PlotImage.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace banquise::rendering {

namespace {

constexpr double kLeftMargin = 78.0;
constexpr double kBottomMargin = 52.0;
constexpr double kTopMargin = 38.0;
constexpr double kRightMargin = 16.0;
constexpr double kLegendSwatch = 24.0;

// Maps data coordinates to image pixels inside the plot area.
struct Frame {
    QRectF area;
    PlotAxis x, y;

    QPointF operator()(double u, double v) const
    {
        const double xSpan = x.high > x.low ? x.high - x.low : 1.0;
        const double ySpan = y.high > y.low ? y.high - y.low : 1.0;
        return {area.left() + (u - x.low) / xSpan * area.width(), area.bottom() - (v - y.low) / ySpan * area.height()};
    }
};

void drawAxes(QPainter& painter, const Frame& frame)
{
    painter.setPen(QPen(Qt::black, 1));
    painter.drawRect(frame.area);
    const std::vector<double> xTicks = niceTicks(frame.x.low, frame.x.high);
    const std::vector<double> yTicks = niceTicks(frame.y.low, frame.y.high);
    const int xDecimals = tickDecimals(xTicks), yDecimals = tickDecimals(yTicks);
    for (double t : xTicks) {
        const QPointF p = frame(t, frame.y.low);
        painter.drawLine(p, p + QPointF(0, 5));
        painter.drawText(QRectF(p.x() - 40, p.y() + 6, 80, 18), Qt::AlignHCenter, QString::number(t, 'f', xDecimals));
    }
    for (double t : yTicks) {
        const QPointF p = frame(frame.x.low, t);
        painter.drawLine(p, p - QPointF(5, 0));
        painter.drawText(QRectF(p.x() - 62, p.y() - 9, 55, 18), Qt::AlignRight | Qt::AlignVCenter, QString::number(t, 'f', yDecimals));
    }
    const QRectF& area = frame.area;
    painter.drawText(QRectF(area.left(), area.bottom() + 26, area.width(), 20), Qt::AlignHCenter, frame.x.title);
    painter.save();
    painter.translate(14, area.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-area.height() / 2, -10, area.height(), 20), Qt::AlignHCenter, frame.y.title);
    painter.restore();
}

void drawSeries(QPainter& painter, const Frame& frame, const PlotSeries& series)
{
    switch (series.style) {
    case SeriesStyle::Squares:
    case SeriesStyle::Bars:
        // Cells and bins tile the plane: without antialiasing, no seams between them.
        painter.setRenderHint(QPainter::Antialiasing, false);
        for (const QPointF& p : series.points) {
            const double half = 0.5 * series.width;
            const bool square = series.style == SeriesStyle::Squares;
            const QRectF box = QRectF(frame(p.x() - half, square ? p.y() + half : p.y()), frame(p.x() + half, square ? p.y() - half : 0.0))
                                   .normalized();
            painter.fillRect(box, series.colour);
            if (!square) {
                painter.setPen(QPen(Qt::darkGray, 0.5));
                painter.drawRect(box);
            }
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
        return;
    case SeriesStyle::Line:
    case SeriesStyle::LineWithPoints:
    case SeriesStyle::DashedLine: {
        painter.setPen(QPen(series.colour, series.style == SeriesStyle::DashedLine ? 1.0 : 1.8,
                            series.style == SeriesStyle::DashedLine ? Qt::DashLine : Qt::SolidLine));
        QPainterPath path;
        bool open = false;
        for (const QPointF& p : series.points) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y())) {
                open = false;
                continue;
            }
            open ? path.lineTo(frame(p.x(), p.y())) : path.moveTo(frame(p.x(), p.y()));
            open = true;
        }
        painter.drawPath(path);
        if (series.style == SeriesStyle::LineWithPoints) {
            painter.setBrush(series.colour);
            for (const QPointF& p : series.points)
                if (std::isfinite(p.x()) && std::isfinite(p.y()))
                    painter.drawEllipse(frame(p.x(), p.y()), 2.5, 2.5);
            painter.setBrush(Qt::NoBrush);
        }
        return;
    }
    }
}

void drawLegend(QPainter& painter, const std::vector<const PlotSeries*>& entries, QPointF topLeft)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const PlotSeries& s = *entries[i];
        const QPointF at = topLeft + QPointF(0, 20.0 * i);
        if (s.style == SeriesStyle::Squares || s.style == SeriesStyle::Bars) {
            painter.fillRect(QRectF(at.x() + 6, at.y() - 6, 12, 12), s.colour);
        } else {
            painter.setPen(QPen(s.colour, 2, s.style == SeriesStyle::DashedLine ? Qt::DashLine : Qt::SolidLine));
            painter.drawLine(at, at + QPointF(kLegendSwatch, 0));
        }
        painter.setPen(Qt::black);
        painter.drawText(at + QPointF(kLegendSwatch + 6, 5), s.name);
    }
}

} // namespace

QImage plotImage(const Plot& plot, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);

    std::vector<const PlotSeries*> legend;
    double legendWidth = 0.0;
    const QFontMetrics metrics(painter.font());
    for (const PlotSeries& s : plot.series)
        if (!s.name.isEmpty()) {
            legend.push_back(&s);
            legendWidth = std::max(legendWidth, kLegendSwatch + 16 + metrics.horizontalAdvance(s.name));
        }
    const Frame frame{QRectF(kLeftMargin, kTopMargin, size.width() - kLeftMargin - kRightMargin - legendWidth,
                             size.height() - kTopMargin - kBottomMargin),
                      plot.x, plot.y};

    painter.save();
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRectF(0, 8, size.width(), 24), Qt::AlignHCenter, plot.title);
    painter.restore();

    painter.save();
    painter.setClipRect(frame.area);
    for (const PlotSeries& s : plot.series)
        drawSeries(painter, frame, s);
    painter.restore();
    drawAxes(painter, frame);
    drawLegend(painter, legend, QPointF(frame.area.right() + 12, frame.area.top() + 10));
    return image;
}

} // namespace banquise::rendering
