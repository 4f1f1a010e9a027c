#include "rendering/PolygonOutlines.h"

#include <vtkCellArray.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>

namespace banquise::rendering {

void setPolygonOutlines(vtkPolyData* polyData, const std::vector<scene::MapPolygon>& polygons)
{
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    vtkNew<vtkCellArray> rings;
    for (const auto& polygon : polygons) {
        if (polygon.empty())
            continue;
        rings->InsertNextCell(static_cast<vtkIdType>(polygon.size() + 1));
        const vtkIdType first = points->GetNumberOfPoints();
        for (const auto& p : polygon)
            rings->InsertCellPoint(points->InsertNextPoint(p.x, p.y, 0.0));
        rings->InsertCellPoint(first);
    }
    polyData->SetPoints(points);
    polyData->SetLines(rings);
}

} // namespace banquise::rendering
