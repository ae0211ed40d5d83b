package org.dpr.evaluate.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dpr.nn.DecoderKind;
import org.dpr.nn.EncoderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AblationVariantTest {
    @TempDir
    Path dir;

    @Test
    void plusDSelectsTheTwoStageDecoderAndItsAbsenceTheSingleOne() {
        assertThat(AblationVariant.parse("wpc+d")).isEqualTo(new AblationVariant(EncoderKind.WPC, DecoderKind.TWO_STAGE));
        assertThat(AblationVariant.parse(" FFC ")).isEqualTo(new AblationVariant(EncoderKind.FFC, DecoderKind.SINGLE));
        assertThat(AblationVariant.parse("pc+D").label()).isEqualTo("PC+D");
        assertThat(AblationVariant.parse("pc").label()).isEqualTo("PC");
    }

    @Test
    void allSixVariantsAreDistinctAndStartWithTheReference() {
        assertThat(AblationVariant.all()).hasSize(6).doesNotHaveDuplicates().first().isEqualTo(AblationVariant.REFERENCE);
        assertThat(AblationVariant.parseList("wpc+d,pc+d,ffc+d,wpc,pc,ffc")).isEqualTo(AblationVariant.all());
    }

    @Test
    void listsRefuseDuplicatesAndUnknownEncoders() {
        assertThatThrownBy(() -> AblationVariant.parseList("pc,PC")).hasMessageContaining("twice");
        assertThatThrownBy(() -> AblationVariant.parse("cnn+d")).hasMessageContaining("unknown variant 'cnn+d'");
    }

    @Test
    void validationCurveKeepsOnlyValidationRowsInOrder() throws Exception {
        Files.writeString(dir.resolve(ValidationCurve.LOG_FILE), String.join("\n",
                "kind,epoch,iteration,frames_seen,train_loss,validation_loss,learning_rate,seconds,frames_per_second",
                "train,1,1,4,0.9,,0.001,0.1,40.00",
                "validation,1,2,8,0.8,0.75,0.001,0.2,30.00",
                "train,2,1,12,0.7,,0.001,0.3,40.00",
                "validation,2,2,16,0.6,0.5,0.0001,0.4,30.00", ""));
        ValidationCurve curve = ValidationCurve.read("x", dir);
        assertThat(curve.framesSeen()).containsExactly(8, 16);
        assertThat(curve.validationLoss()).containsExactly(0.75, 0.5);
        assertThat(curve.series().name()).isEqualTo("x");
    }
}
