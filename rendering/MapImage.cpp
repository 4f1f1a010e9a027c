#include "rendering/MapImage.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace banquise::rendering {

QImage mapImage(const cv::Mat1f& values, Colormap colormap, double low, double high, int maxSide)
{
    const int factor = std::max(1, static_cast<int>(std::ceil(std::max(values.cols, values.rows) / static_cast<double>(maxSide))));
    const int width = std::max(1, values.cols / factor);
    const int height = std::max(1, values.rows / factor);
    QImage image(width, height, QImage::Format_RGB32);
    const double span = high > low ? high - low : 1.0;
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            // Mean of the finite values under the output pixel.
            double sum = 0.0;
            int count = 0;
            for (int r = y * factor; r < std::min(values.rows, (y + 1) * factor); ++r)
                for (int c = x * factor; c < std::min(values.cols, (x + 1) * factor); ++c)
                    if (std::isfinite(values(r, c))) {
                        sum += values(r, c);
                        ++count;
                    }
            if (!count) {
                line[x] = qRgb(225, 225, 225);
                continue;
            }
            const Rgb rgb = colourAt(colormap, (sum / count - low) / span);
            line[x] = qRgb(rgb[0], rgb[1], rgb[2]);
        }
    }
    return image;
}

QImage colourBarImage(Colormap colormap, double low, double high, const QString& units, int width)
{
    QImage image(width, 44, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int x = 0; x < width; ++x) {
        const Rgb rgb = colourAt(colormap, static_cast<double>(x) / (width - 1));
        painter.setPen(QColor(rgb[0], rgb[1], rgb[2]));
        painter.drawLine(x, 0, x, 18);
    }
    painter.setPen(Qt::black);
    const QRect labels(2, 22, width - 4, 20);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, QString::number(low, 'f', 2));
    painter.drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter, units);
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, QString::number(high, 'f', 2));
    return image;
}

} // namespace banquise::rendering
